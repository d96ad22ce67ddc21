"""Checking many files: reading (notebooks too), noqa, selection, and a process pool with stable order."""

from __future__ import annotations

import os
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from typing import List, Optional

from celint.config import Settings
from celint.engine import DEFAULT_MAX_BYTES, FileResult, Finding, check_source
from celint.noqa import NoqaMap
from celint.notebook import CellMap, is_notebook, read_notebook
from celint.prefilter import may_contain_finding
from celint.project import Project
from celint.source import SourceError, decode, read_bytes, split_lines

PARALLEL_THRESHOLD = 16  # below this many files a pool costs more than it saves


@dataclass(frozen=True)
class CheckOptions:
    settings: Settings = field(default_factory=Settings)
    prefilter: bool = True
    max_bytes: Optional[int] = DEFAULT_MAX_BYTES


@dataclass
class CheckedFile(FileResult):
    """A FileResult plus what the formatters need: the analysed text and, for notebooks, the cell map."""

    source: str = ""
    cells: Optional[CellMap] = None

    @property
    def lines(self) -> List[str]:
        """Numbered as `ast` numbers them (a form feed does not end a line)."""
        return split_lines(self.source)


def read_file(path: str) -> "tuple[str, Optional[CellMap]]":
    data = read_bytes(path)  # refuses FIFOs and devices, which could block forever
    if is_notebook(path):
        return read_notebook(data)
    return decode(data), None


def check_file(path: str, options: CheckOptions, project: Optional[Project] = None) -> CheckedFile:
    """One file, start to end; any failure becomes this file's error line."""
    try:
        source, cells = read_file(path)
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
    return _selected(CheckedFile(path, findings, result.error, source=source, cells=cells), options)


def _selected(checked: CheckedFile, options: CheckOptions) -> CheckedFile:
    """What the selection and `# noqa` comments let through (CE000 lines included)."""
    wants = options.settings.wants
    if checked.findings:
        noqa = NoqaMap(checked.lines)
        checked.findings = [f for f in checked.findings
                            if wants(f.code, checked.path) and not noqa.silences(f.line, f.code)]
    if checked.error and not wants("CE000", checked.path):
        checked.error = None
    return checked


def check_files(paths: List[str], options: CheckOptions, jobs: int = 0) -> List[CheckedFile]:
    """Every file, in the given order. Imports between the given files are followed (`celint.project`)."""
    workers = jobs or os.cpu_count() or 1
    if workers <= 1 or len(paths) < PARALLEL_THRESHOLD:
        project = Project(paths)
        return [check_file(path, options, project) for path in paths]
    chunk = max(1, len(paths) // (workers * 8))
    # each worker knows the whole tree and parses the modules its files import, once per worker
    with ProcessPoolExecutor(max_workers=workers, initializer=_start_worker, initargs=(paths,)) as pool:
        return list(pool.map(_check_in_project, paths, [options] * len(paths), chunksize=chunk))


_WORKER_PROJECT: Optional[Project] = None


def _start_worker(paths: List[str]) -> None:
    global _WORKER_PROJECT
    _WORKER_PROJECT = Project(paths)


def _check_in_project(path: str, options: CheckOptions) -> CheckedFile:
    return check_file(path, options, _WORKER_PROJECT)
