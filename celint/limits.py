"""Limits shared by the CLI and the flake8 plugin (stdlib-free constants: the plugin imports this)."""

# Files larger than this are skipped with one CE000 line: bytes when the CLI reads a file (checked
# before reading, so a 3 GB file is never loaded), characters under flake8 (which reads the file
# itself). Analysing a file costs less than flake8's own work on it (a generated 5 MB file: +1.9 s
# on flake8's 14 s), but whole multi-megabyte data dumps saved as .py are not worth a CI minute; the
# setting raises it.
DEFAULT_MAX_FILE_SIZE = 10_000_000

# A notebook's outputs (plots, tables) can dwarf its code, so its file may be this large (or as large
# as the limit above, if that is raised further); its code is then held to the limit above.
MAX_NOTEBOOK_FILE_SIZE = 100_000_000
