"""The flake8 adapter. Imports only the stdlib and the prefilter, so flake8 runs stay cheap.

flake8 hands us the `ast` tree it already built (no second parse) and the file's `lines`, which also
covers editor buffers sent on stdin.

With `--celint-follow-imports`, imports of the project's own modules are followed as `celint check FILE`
follows them (project root: `celint.roots`); the project's module list and the modules' parsed trees are
kept for the whole flake8 process, so a run over a tree walks each root and parses each imported module
once per process. Off by default: it costs more than the issue's budget allows (README, bench.py).
"""

from __future__ import annotations

import ast
import os
from typing import TYPE_CHECKING, Any, Dict, Iterator, List, Optional, Tuple

from celint import __version__
from celint.limits import DEFAULT_MAX_FILE_SIZE
from celint.prefilter import may_contain_finding

if TYPE_CHECKING:
    from celint.project import Project

Flake8Row = Tuple[int, int, str, type]
_NO_FILE = ("", "-", "stdin")  # flake8's name for standard input without --stdin-display-name


class CelintChecker:
    name = "celint"
    version = __version__
    max_file_size = DEFAULT_MAX_FILE_SIZE
    follow_imports = False

    def __init__(self, tree: ast.AST, lines: List[str], filename: str = "") -> None:
        self._tree = tree
        self._lines = lines
        self._filename = filename

    @classmethod
    def add_options(cls, parser: Any) -> None:
        parser.add_option(
            "--celint-max-file-size",
            type=int,
            default=cls.max_file_size,
            parse_from_config=True,
            help="celint skips files larger than this many characters with one CE000 line (default: %(default)s)",
        )
        parser.add_option(
            "--celint-follow-imports",
            action="store_true",
            default=False,
            parse_from_config=True,
            help="celint follows imports of the project's own modules on disk, as `celint check FILE` does "
            "(slower; a buffer on stdin needs --stdin-display-name)",
        )

    @classmethod
    def parse_options(cls, options: Any) -> None:
        cls.max_file_size = getattr(options, "celint_max_file_size", cls.max_file_size)
        cls.follow_imports = bool(getattr(options, "celint_follow_imports", False))

    def run(self) -> Iterator[Flake8Row]:
        source = "".join(self._lines)
        candidate = may_contain_finding(source)
        follow = self.follow_imports and self._filename not in _NO_FILE
        if not candidate and not (follow and "import" in source):
            return
        try:
            from celint.engine import check_source  # the analysis loads only for candidate files

            project = _project(self._filename) if follow else None
            if not candidate and (project is None or not project.may_import_own_module(source)):
                return
            tree = self._tree if isinstance(self._tree, ast.Module) else None
            result = check_source(
                source,
                self._filename,
                tree=tree,
                prefilter=not candidate,  # a candidate passed just above; else only what it runs is analysed
                max_bytes=self.max_file_size,
                project=project,
            )
        except Exception as exc:  # a bug of ours must not end the user's whole flake8 run
            yield 1, 0, f"CE000 celint failed on this file ({type(exc).__name__}: {exc}); please report it", type(self)
            return
        if result.error:
            yield (
                result.error_line,
                result.error_col,
                f"CE000 celint could not analyse this file: {result.error}",
                type(self),
            )
        for finding in result.findings:
            # flake8 adds 1 to the column; ours is 0-based already
            yield finding.line, finding.col, f"{finding.code} {finding.message}", type(self)


# what this flake8 process knows of the projects around the files it checks
_WALKED: Dict[str, Optional[List[str]]] = {}  # project root -> its modules (None: too big)
_ROOT_OF: Dict[str, Optional[str]] = {}  # a checked file's directory -> its project root
_PROJECTS: Dict[str, "Project"] = {}  # project root -> its modules, parsed trees kept for the run


def _project(filename: str) -> "Optional[Project]":
    """The project around `filename` (on disk, or the display name of a buffer on stdin), made once per
    project root for the whole process."""
    from celint.config import Settings
    from celint.discovery import project_root
    from celint.project import Project

    directory = os.path.dirname(os.path.abspath(filename))
    if directory not in _ROOT_OF:
        _ROOT_OF[directory] = project_root(filename, Settings(), _WALKED)
    root = _ROOT_OF[directory]
    if root is None:
        return None
    if root not in _PROJECTS:
        _PROJECTS[root] = Project(_WALKED[root] or [])
    return _PROJECTS[root]
