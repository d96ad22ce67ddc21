# `python -m celint` puts the working directory first on sys.path: run inside the checked tree, its
# `json.py` or `argparse.py` would be imported (run) in place of the standard library's. Drop that entry
# before importing anything else, unless celint itself was found there (a source checkout: spawned
# workers must import celint from it too). Modules runpy itself needs are imported before this line can
# run; `python -P -m celint` or the `celint` command avoid even those.
import os  # already loaded by the interpreter's start-up: this import reads no file
import sys


def _working_directory_entry() -> bool:
    """sys.path[0] is the working directory, and celint was not imported from it."""
    if not sys.path:
        return False
    try:
        first = os.path.realpath(sys.path[0] or os.curdir)
        if first != os.path.realpath(os.getcwd()):
            return False
    except OSError:  # the working directory is gone: nothing can be imported from it either
        return False
    return os.path.dirname(os.path.dirname(os.path.realpath(__file__))) != first


if _working_directory_entry():
    del sys.path[0]

from celint.cli import main  # noqa: E402  (after the sys.path repair above, on purpose)

sys.exit(main())
