"""The `celint` command: check, rules, explain, demo. Exit codes: 0 clean, 1 findings, 2 errors."""

from __future__ import annotations

import argparse
import os
import sys
from typing import Iterable, Iterator, List, Optional, Sequence

from celint import __version__
from celint.engine import DEFAULT_MAX_BYTES, FileResult
from celint.rules import ALL_RULES

EXIT_CLEAN, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2
SKIP_DIRS = {".git", ".hg", ".svn", "__pycache__", ".venv", "venv", ".tox", ".nox", ".mypy_cache", ".pytest_cache",
             "node_modules", "build", "dist", ".eggs"}


def main(argv: Optional[Sequence[str]] = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "command", None):
        parser.print_help()
        return EXIT_ERROR
    try:
        return int(args.run(args))
    except KeyboardInterrupt:
        return EXIT_ERROR
    except BrokenPipeError:
        return EXIT_CLEAN


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="celint", description="Find cross-entropy loss misuse in ML code.")
    parser.add_argument("--version", action="version", version=f"celint {__version__}")
    commands = parser.add_subparsers(dest="command")

    check = commands.add_parser("check", help="lint files and directories")
    check.add_argument("paths", nargs="*", default=["."], help="files or directories (default: .)")
    check.add_argument("--select", default="", help="comma-separated code prefixes to report (e.g. CE1,CE201)")
    check.add_argument("--ignore", default="", help="comma-separated code prefixes to leave out")
    check.add_argument("--no-prefilter", action="store_true", help="analyse every file, even without ML names")
    check.add_argument("--max-file-size", type=int, default=DEFAULT_MAX_BYTES,
                       help="skip files over this many characters with one CE000 line (default: %(default)s)")
    check.add_argument("--jobs", "-j", type=int, default=0, help="worker processes (default: one per core)")
    check.set_defaults(run=run_check)

    rules = commands.add_parser("rules", help="list every rule code")
    rules.set_defaults(run=run_rules)
    return parser


def run_rules(args: argparse.Namespace) -> int:
    for rule in ALL_RULES:
        print(f"{rule.code}  {rule.name:38} {rule.summary}")
    return EXIT_CLEAN


def run_check(args: argparse.Namespace) -> int:
    from celint.runner import CheckOptions, check_files

    options = CheckOptions(
        select=_codes(args.select), ignore=_codes(args.ignore), prefilter=not args.no_prefilter,
        max_bytes=args.max_file_size,
    )
    files = list(discover(args.paths))
    missing = [p for p in args.paths if not os.path.exists(p)]
    for path in missing:
        print(f"{path}:0:0: CE000 no such file or directory", file=sys.stderr)
    results = check_files(files, options, jobs=args.jobs)
    status = EXIT_ERROR if missing else EXIT_CLEAN
    for result in results:
        status = max(status, report(result))
    return status


def report(result: FileResult) -> int:
    status = EXIT_CLEAN
    if result.error:
        print(f"{result.path}:1:1: CE000 could not analyse this file: {result.error}")
        status = EXIT_ERROR
    for finding in result.findings:
        print(f"{result.path}:{finding.line}:{finding.col + 1}: {finding.code} {finding.message}")
        status = max(status, EXIT_FINDINGS)
    return status


def discover(paths: Iterable[str]) -> Iterator[str]:
    """Python files under each path, sorted, following no symlinked directories (no loops)."""
    seen = set()
    for path in paths:
        if os.path.isfile(path):
            if path not in seen:
                seen.add(path)
                yield path
            continue
        if not os.path.isdir(path):
            continue
        for root, dirs, files in os.walk(path, onerror=None, followlinks=False):
            dirs[:] = sorted(d for d in dirs if d not in SKIP_DIRS and not d.endswith(".egg-info"))
            for name in sorted(files):
                if name.endswith(".py"):
                    full = os.path.join(root, name)
                    if full not in seen:
                        seen.add(full)
                        yield full


def _codes(text: str) -> List[str]:
    return [c.strip().upper() for c in text.split(",") if c.strip()]
