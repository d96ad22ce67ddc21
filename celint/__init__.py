"""celint: a static linter for cross-entropy loss misuse."""

__version__ = "0.1.0"
