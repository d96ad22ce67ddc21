"""celint: a static linter for cross-entropy loss misuse.

The Python API (typed; see the README's "Python API"):

- `check_source(source, path="")`: the findings of one module's text.
- `check_paths(paths, ...)`: every file, directory or notebook, as `celint check` sees them.

Importing `celint` stays cheap (the flake8 plugin imports it): the engine loads on the first check.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, List, Optional, Sequence

if TYPE_CHECKING:
    from celint.engine import FileResult
    from celint.runner import CheckedFile

__version__ = "0.1.0"
__all__ = ["__version__", "check_paths", "check_source"]


def check_source(source: str, path: str = "") -> FileResult:
    """The findings of one module's text; never raises on bad input.

    `result.findings` is a list of `Finding` (`code`, `line`, `col` 0-based, `message`, `path`, `related`,
    and `hit.fix` when a fix exists); `result.error` says why the text could not be analysed (CE000).
    `path` only names the module in findings; nothing is read from disk.
    """
    from celint.engine import check_source as check

    return check(source, path)


def check_paths(
    paths: Sequence[str],
    select: Optional[Sequence[str]] = None,
    ignore: Optional[Sequence[str]] = None,
    config: Optional[str] = None,
) -> List[CheckedFile]:
    """Every Python file and notebook under `paths`, as `celint check PATHS` sees them: imports between
    the files are followed, `[tool.celint]` of the nearest pyproject.toml (or `config`) applies, and
    `select` / `ignore` (code prefixes) override it. One result per file (`path`, `findings`, `error`),
    files without findings included. Raises `celint.config.ConfigError` on a wrong configuration."""
    from celint.config import find_config, load_settings, override
    from celint.discovery import discover
    from celint.runner import CheckOptions, check_files

    targets = list(paths) or ["."]
    settings = load_settings(config or find_config(targets[0]))
    settings = override(settings, {"select": select, "ignore": ignore})
    return check_files(list(discover(targets, settings)), CheckOptions(settings), jobs=1)
