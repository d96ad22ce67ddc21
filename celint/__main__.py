# `python -m celint` puts the working directory first on sys.path: run inside the checked tree, its
# `json.py` or `argparse.py` would be imported (run) in place of the standard library's. Drop that entry
# before importing anything else. (Modules runpy itself needs are imported before this line can run;
# `python -P -m celint` or the `celint` command avoid even those.)
import sys

if sys.path and sys.path[0] in ("", "."):
    del sys.path[0]
else:
    import os  # already loaded by the interpreter's start-up: this import reads no file

    try:
        if sys.path and os.path.realpath(sys.path[0]) == os.path.realpath(os.getcwd()):
            del sys.path[0]
    except OSError:  # the working directory is gone: nothing can be imported from it either
        pass

from celint.cli import main  # after the sys.path repair above, on purpose

sys.exit(main())
