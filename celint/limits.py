"""Limits shared by the CLI and the flake8 plugin (stdlib-free constants: the plugin imports this)."""

# Files larger than this many characters are skipped with one CE000 line. Analysing a file costs
# less than flake8's own work on it (a generated 5 MB file: +1.9 s on flake8's 14 s), but whole
# multi-megabyte data dumps saved as .py are not worth a CI minute; the setting raises it.
DEFAULT_MAX_FILE_SIZE = 10_000_000
