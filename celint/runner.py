"""Checking many files: reading, noqa, select/ignore, and a process pool with stable output order."""

from __future__ import annotations

import os
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from typing import List, Optional

from celint.engine import DEFAULT_MAX_BYTES, FileResult, check_source
from celint.noqa import NoqaMap
from celint.source import SourceError, read_source

PARALLEL_THRESHOLD = 16  # below this many files a pool costs more than it saves


@dataclass(frozen=True)
class CheckOptions:
    select: List[str] = field(default_factory=list)
    ignore: List[str] = field(default_factory=list)
    prefilter: bool = True
    max_bytes: Optional[int] = DEFAULT_MAX_BYTES

    def wants(self, code: str) -> bool:
        if self.select and not any(code.startswith(p) for p in self.select):
            return False
        return not any(code.startswith(p) for p in self.ignore)


def check_file(path: str, options: CheckOptions) -> FileResult:
    """One file, start to end; any failure becomes this file's error line."""
    try:
        source, _ = read_source(path)
    except SourceError as exc:
        return FileResult(path, error=str(exc))
    try:
        result = check_source(source, path, prefilter=options.prefilter, max_bytes=options.max_bytes)
    except Exception as exc:  # a celint bug: report it for this file and go on with the others
        return FileResult(path, error=f"internal error ({type(exc).__name__}: {exc}); please report it")
    if result.findings:
        noqa = NoqaMap(source.splitlines())
        result.findings = [f for f in result.findings if options.wants(f.code) and not noqa.silences(f.line, f.code)]
    if result.error and not options.wants("CE000"):
        result.error = None
    return result


def check_files(paths: List[str], options: CheckOptions, jobs: int = 0) -> List[FileResult]:
    workers = jobs or os.cpu_count() or 1
    if workers <= 1 or len(paths) < PARALLEL_THRESHOLD:
        return [check_file(path, options) for path in paths]
    chunk = max(1, len(paths) // (workers * 8))
    with ProcessPoolExecutor(max_workers=workers) as pool:
        return list(pool.map(check_file, paths, [options] * len(paths), chunksize=chunk))
