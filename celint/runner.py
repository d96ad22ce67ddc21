"""Checking many files: reading (notebooks too), noqa, selection, and a process pool with stable order."""

from __future__ import annotations

import os
import re
import sys
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import Iterator, List, Optional, Sequence

from celint.config import Settings
from celint.engine import DEFAULT_MAX_BYTES, FileResult, Finding, check_source
from celint.limits import MAX_NOTEBOOK_FILE_SIZE
from celint.noqa import NoqaMap
from celint.notebook import CellMap, is_notebook, read_notebook
from celint.prefilter import may_contain_finding
from celint.project import Project
from celint.records import field, record, replace
from celint.source import SourceError, decode, read_bytes, split_lines

PARALLEL_THRESHOLD = 16  # below this many files a pool costs more than it saves


@record(frozen=True)
class CheckOptions:
    settings: Settings = field(default_factory=Settings)
    prefilter: bool = True
    max_bytes: Optional[int] = DEFAULT_MAX_BYTES


@record
class CheckedFile(FileResult):
    """A FileResult plus what the formatters need: the analysed text and, for notebooks, the cell map."""

    source: str = ""
    cells: Optional[CellMap] = None

    @property
    def lines(self) -> List[str]:
        """Numbered as `ast` numbers them (a form feed does not end a line)."""
        return split_lines(self.source)


def read_file(path: str, max_size: Optional[int] = DEFAULT_MAX_BYTES) -> "tuple[str, Optional[CellMap]]":
    """The text to analyse; files over `max_size` bytes are refused before they are read."""
    if is_notebook(path):  # its outputs may be large; its code is held to `max_size` by check_source
        cap = None if max_size is None else max(max_size, MAX_NOTEBOOK_FILE_SIZE)
        return read_notebook(read_bytes(path, cap))
    return decode(read_bytes(path, max_size)), None  # read_bytes refuses FIFOs and devices


def check_file(
    path: str, options: CheckOptions, project: Optional[Project] = None, data: Optional[bytes] = None
) -> CheckedFile:
    """One file, start to end; any failure becomes this file's error line. `data`: the file's bytes
    (standard input), instead of reading `path`."""
    try:
        if data is None:
            source, cells = read_file(path, options.max_bytes)
        else:
            source, cells = read_notebook(data) if is_notebook(path) else (decode(data), None)
    except SourceError as exc:
        return _selected(CheckedFile(path, error=str(exc)), options)
    try:
        result = check_source(source, path, prefilter=options.prefilter, max_bytes=options.max_bytes, project=project)
    except Exception as exc:  # a celint bug: report it for this file and go on with the others
        error = f"internal error ({type(exc).__name__}: {exc}); please report it"
        return _selected(CheckedFile(path, error=error), options)
    findings = result.findings
    if cells is not None and cells.errors and (not options.prefilter or may_contain_finding(source)):
        # a notebook cell that does not parse is left out of the program and reported where it is
        errors = [Finding("CE000", e.line, e.col, e.message, path) for e in cells.errors]
        findings = sorted(errors + findings, key=lambda f: f.line)
    reason = syntax_error_with_version(result.error, source) if result.error else None
    line, col = (result.error_line, result.error_col) if cells is None else (1, 0)  # a cell's own CE000 says where
    checked = CheckedFile(path, findings, reason, line, col, elsewhere=result.elsewhere, source=source, cells=cells)
    return _selected(checked, options)


_SYNTAX_ERROR = re.compile(r"^syntax error(?: \(line (\d+)\))?:")
# statements later Pythons added: match / case (3.10), except* (3.11), type aliases (3.12),
# parenthesised context managers (3.10)
_NEWER_SYNTAX = re.compile(
    r"\s*(?:(?:match|case)\b.*:\s*(?:#.*)?$|except\s*\*|type\s+\w+\s*[\[=]|(?:async\s+)?with\s*\()"
)


def syntax_error_with_version(error: str, source: str) -> str:
    """A syntax error names the Python that parsed the file: code written for a newer Python is not
    broken, and the message should say so when its line starts with syntax a later Python added."""
    found = _SYNTAX_ERROR.match(error)
    if found is None:
        return error
    version = f"Python {sys.version_info[0]}.{sys.version_info[1]}"
    lines = split_lines(source)
    number = int(found.group(1) or 0)
    newer = 0 < number <= len(lines) and _NEWER_SYNTAX.match(lines[number - 1]) is not None
    return f"{error} (parsed by {version}{'; this syntax may need a newer Python' if newer else ''})"


def _selected(checked: CheckedFile, options: CheckOptions) -> CheckedFile:
    """What the selection and `# noqa` comments let through. CE000 (a file or cell not analysed) is
    reported unless explicitly ignored: `select = ["CE1"]` must not hide that a file was never checked."""
    settings = options.settings
    if checked.findings:
        noqa = NoqaMap(checked.lines)
        checked.findings = [
            f
            for f in checked.findings
            if (settings.reports_errors(checked.path) if f.code == "CE000" else settings.wants(f.code, checked.path))
            and not noqa.silences(f.line, f.code)
        ]
    if checked.error and not settings.reports_errors(checked.path):
        checked.error = None
    return checked


def check_files(
    paths: List[str], options: CheckOptions, jobs: int = 0, context: Sequence[str] = ()
) -> List[CheckedFile]:
    """Every file, in the given order. Imports between the given files are followed (`celint.project`),
    and imports of `context` (more of the project's modules on disk, read only when imported: see
    `discovery.project_modules`); only the given files are reported on."""
    known = [*context, *paths]  # a file given and in the context keeps the spelling it was given
    workers = min(jobs or os.cpu_count() or 1, len(paths))
    if workers <= 1 or len(paths) < PARALLEL_THRESHOLD:
        project = Project(known)
        return hand_over([check_file(path, options, project) for path in paths], options)
    chunk = max(1, len(paths) // (workers * 8))
    results: List[Optional[CheckedFile]] = [None] * len(paths)
    try:
        # each worker knows the whole tree and parses the modules its files import, once per worker
        with ProcessPoolExecutor(max_workers=workers, initializer=_start_worker, initargs=(known,)) as pool:
            for index, result in enumerate(pool.map(_check_in_project, paths, [options] * len(paths), chunksize=chunk)):
                results[index] = result
    except BrokenProcessPool:
        pass  # a worker died (killed, out of memory): the files it took down with it are checked below
    lost = [index for index, result in enumerate(results) if result is None]
    for index, result in zip(lost, _check_one_at_a_time([paths[i] for i in lost], known, options)):
        results[index] = result
    return hand_over(results, options)  # type: ignore[arg-type]  # every slot is filled


def hand_over(results: List[CheckedFile], options: CheckOptions) -> List[CheckedFile]:
    """Findings one file's run made in another checked file's code (`celint.engine.analyse`) join that
    file's findings: once per (line, code), whichever file found them first, and only what that file's
    selection and `# noqa` comments let through."""
    by_path = {os.path.normpath(os.path.abspath(r.path)): r for r in results}
    received: dict = {}
    for result in results:
        for finding in result.elsewhere:
            target = by_path.get(os.path.normpath(os.path.abspath(finding.path)))
            if target is not None and target is not result:
                received.setdefault(id(target), (target, []))[1].append(replace(finding, path=target.path))
        result.elsewhere = []
    for target, findings in received.values():
        had = {(f.line, f.code) for f in target.findings}
        wants, noqa = options.settings.wants, NoqaMap(target.lines)
        for finding in findings:
            key = (finding.line, finding.code)
            if key not in had and wants(finding.code, target.path) and not noqa.silences(*key):
                had.add(key)
                target.findings.append(finding)
        target.findings.sort(key=lambda f: (f.line, f.col))
    return results


def _check_one_at_a_time(todo: List[str], paths: List[str], options: CheckOptions) -> Iterator[CheckedFile]:
    """Each file alone in a one-worker pool, so a file that kills its worker again is reported as not
    analysed instead of ending the run (checking it in this process could end it), and no other is lost."""
    pool: Optional[ProcessPoolExecutor] = None
    try:
        for path in todo:
            if pool is None:
                pool = ProcessPoolExecutor(max_workers=1, initializer=_start_worker, initargs=(paths,))
            try:
                yield pool.submit(_check_in_project, path, options).result()
            except BrokenProcessPool:
                pool.shutdown(wait=True)
                pool = None
                error = "the process checking this file died (killed, or out of memory)"
                yield _selected(CheckedFile(path, error=error), options)
    finally:
        if pool is not None:
            pool.shutdown(wait=True)


_WORKER_PROJECT: Optional[Project] = None


def _start_worker(paths: List[str]) -> None:
    global _WORKER_PROJECT
    _WORKER_PROJECT = Project(paths)


def _check_in_project(path: str, options: CheckOptions) -> CheckedFile:
    return check_file(path, options, _WORKER_PROJECT)
