"""The flake8 adapter. Imports only the stdlib and the prefilter, so flake8 runs stay cheap.

flake8 hands us the `ast` tree it already built (no second parse) and the file's `lines`, which also
covers editor buffers sent on stdin.
"""

from __future__ import annotations

import ast
from typing import Any, Iterator, List, Tuple

from celint import __version__
from celint.limits import DEFAULT_MAX_FILE_SIZE
from celint.prefilter import may_contain_finding

Flake8Row = Tuple[int, int, str, type]


class CelintChecker:
    name = "celint"
    version = __version__
    max_file_size = DEFAULT_MAX_FILE_SIZE

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

    @classmethod
    def parse_options(cls, options: Any) -> None:
        cls.max_file_size = getattr(options, "celint_max_file_size", cls.max_file_size)

    def run(self) -> Iterator[Flake8Row]:
        source = "".join(self._lines)
        if not may_contain_finding(source):
            return
        try:
            from celint.engine import check_source  # the analysis loads only for candidate files

            tree = self._tree if isinstance(self._tree, ast.Module) else None
            result = check_source(
                source,
                self._filename,
                tree=tree,
                prefilter=False,  # passed just above
                max_bytes=self.max_file_size,
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
