"""check_source: the one entry point that flake8, the CLI and the tests share. It never raises on input."""

from __future__ import annotations

import ast
import warnings
from typing import TYPE_CHECKING, List, Optional, Tuple

from celint.facts import Hit, Where
from celint.limits import DEFAULT_MAX_FILE_SIZE
from celint.records import field, record, replace

if TYPE_CHECKING:
    from celint.project import Project

DEFAULT_MAX_BYTES = DEFAULT_MAX_FILE_SIZE  # larger files are skipped with one CE000 line


@record(frozen=True)
class Finding:
    code: str
    line: int
    col: int  # 0-based, in code points
    message: str
    path: str = ""
    related: Tuple[Where, ...] = ()
    hit: Optional[Hit] = None


@record
class FileResult:
    path: str
    findings: List[Finding] = field(default_factory=list)
    error: Optional[str] = None  # one line: why the file could not be analysed
    error_line: int = 1  # where: a syntax error's line and 0-based column, else the file's start
    error_col: int = 0
    # findings this file's run made in another checked module's code (see `analyse`); the runner hands
    # them to that module's result
    elsewhere: List[Finding] = field(default_factory=list)


class ParseError(ValueError):
    """A file `ast` cannot parse; `line` and `col` (0-based) say where, when known."""

    def __init__(self, message: str, line: int = 1, col: int = 0) -> None:
        super().__init__(message)
        self.line, self.col = line, col


def parse(source: str, path: str) -> ast.Module:
    """`ast.parse` with the failures bad input causes turned into ValueError with one clear line."""
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # SyntaxWarnings about the user's code are not ours to print
            return ast.parse(source, filename=path or "<unknown>")
    except SyntaxError as exc:
        where = f" (line {exc.lineno})" if exc.lineno else ""
        line, col = (exc.lineno or 1), max(0, (exc.offset or 1) - 1)  # SyntaxError.offset is 1-based
        raise ParseError(f"syntax error{where}: {exc.msg}", max(1, line), col) from None
    except (RecursionError, MemoryError):
        raise ValueError("too deeply nested for Python's parser") from None
    except ValueError as exc:  # null bytes
        raise ValueError(f"cannot parse: {exc}") from None


def check_source(
    source: str,
    path: str = "",
    tree: Optional[ast.Module] = None,
    prefilter: bool = True,
    max_bytes: Optional[int] = DEFAULT_MAX_BYTES,
    project: Optional["Project"] = None,
) -> FileResult:
    """Findings for one module's text. `tree` may be passed when the caller already parsed it (flake8).

    With a `project` (the CLI on a directory), imports of the project's own modules are followed.
    """
    from celint.prefilter import may_contain_finding

    result = FileResult(path)
    whole_file = True
    if prefilter and not may_contain_finding(source):
        # with a project, the loss and the model may both live in modules this file imports; such a
        # file can only hold a finding in the code it runs (its top level and what that calls)
        if project is None or not project.may_import_own_module(source):
            return result
        whole_file = False
    if max_bytes is not None and len(source) > max_bytes:
        result.error = f"skipped: {len(source):,} characters exceeds the {max_bytes:,} limit (see --max-file-size)"
        return result
    if tree is None and project is not None:
        tree = project.parsed_tree(path, source)  # imported by an earlier file: parsed already
    try:
        module = tree if tree is not None else parse(source, path)
    except ValueError as exc:
        result.error = str(exc)
        if isinstance(exc, ParseError):
            result.error_line, result.error_col = exc.line, exc.col
        return result
    try:
        result.findings = analyse(module, source, path, project, orphans=whole_file, elsewhere=result.elsewhere)
    except RecursionError:
        result.error = "too deeply nested to analyse"
    except MemoryError:
        result.error = "out of memory while analysing"
    return result


def analyse(
    module: ast.Module,
    source: str,
    path: str,
    project: Optional["Project"] = None,
    orphans: bool = True,
    elsewhere: Optional[List[Finding]] = None,
) -> List[Finding]:
    """Walk the module, extract facts, run the rules. With a `project`, imports of the tree's own modules
    are followed. `orphans=False` runs only what the module itself runs (no uncalled functions): the cheap
    mode for files that name no loss and are analysed only because they import the tree's modules.

    A loss applied in another module's code with what this module passed it (`train.py` builds the model
    and the criterion and calls `engine.train_one_epoch(model, criterion, ...)`) is found here, yet it is
    reported where the loss is applied, in engine.py, naming this module's call: appended to `elsewhere`
    for the runner to hand over (it keeps one per place and code). engine.py alone cannot see it (its
    arguments are unknown there), and this module has no line of the loss to point at."""
    from celint.extract import extract
    from celint.frameworks.defaults import adapters_for
    from celint.interpreter import Interpreter
    from celint.rules import run_checks
    from celint.source import split_lines

    lines = split_lines(source)  # numbered as `ast` numbers them (form feeds do not end a line)
    # alone, a module gets the adapters of the frameworks it imports; in a project, whose modules run
    # one another's code, every adapter
    interp = (
        project.interpreter(module, lines, path) if project else Interpreter(module, lines, path, adapters_for(source))
    )
    events = interp.run(orphans=orphans)
    hits = [with_fix(hit) for hit in run_checks(extract(events, interp))]
    # any other problem found while running another module's code is reported when that module is checked
    if elsewhere is not None:
        elsewhere.extend(handed_over(hit) for hit in hits if _reached_from(hit, path))
    return [to_finding(hit, path) for hit in hits if hit.at.path in ("", path)]


def _reached_from(hit: Hit, path: str) -> bool:
    """A loss use in another module's code, entered by a call of this module's."""
    via = hit.use.reached_from if hit.use is not None else None
    return via is not None and via.path == path and hit.at.path not in ("", path)


def handed_over(hit: Hit) -> Finding:
    """A finding for the module applying the loss; it names the call that passed in the model or loss."""
    via = hit.use.reached_from if hit.use is not None else None
    assert via is not None
    message = f"{hit.message} (through the call at {via.label(hit.at.path)})"
    return Finding(hit.code, hit.at.line, hit.at.col, message, hit.at.path, (*(r for r in hit.related if r), via), hit)


def with_fix(hit: Hit) -> Hit:
    """`hit` with its rule's fix attached, when the rule has one for the loss use the hit was found on.
    A fix must edit the file the finding is reported in: a cross-module finding's head lives in another
    module, where `--fix` on this file cannot reach, so such a finding offers none."""
    from celint.rules import RULES_BY_CODE

    rule = RULES_BY_CODE.get(hit.code)
    if rule is None or rule.fix is None or hit.use is None or hit.fix is not None:
        return hit
    fix = rule.fix(hit, hit.use)
    if fix is None or any(edit.at.path not in ("", hit.at.path) for edit in fix.edits):
        return hit
    return replace(hit, fix=fix)


def to_finding(hit: Hit, path: str) -> Finding:
    return Finding(hit.code, hit.at.line, hit.at.col, hit.message, path, tuple(r for r in hit.related if r), hit)
