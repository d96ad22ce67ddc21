"""The `celint` command: check, rules, explain, demo. Exit codes: 0 clean, 1 findings, 2 errors."""

from __future__ import annotations

import argparse
import io
import os
import sys
from typing import TYPE_CHECKING, Dict, List, Optional, Sequence, TextIO

from celint import __version__
from celint.limits import DEFAULT_MAX_FILE_SIZE
from celint.output.text import printable
from celint.rules import ALL_RULES, RULES_BY_CODE

if TYPE_CHECKING:  # types only: the engine loads when a check runs
    from celint.output.common import DemoOf
    from celint.runner import CheckedFile, CheckOptions

EXIT_CLEAN, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2


def main(argv: Optional[Sequence[str]] = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "command", None):
        parser.print_help()
        return EXIT_ERROR
    _tolerant_streams()
    try:
        status = int(args.run(args))
        sys.stdout.flush()  # a full disk shows here, inside main, not in the interpreter's exit
        return status
    except KeyboardInterrupt:
        return EXIT_ERROR
    except BrokenPipeError:  # `celint rules | head -1`: the reader has what it wanted
        _silence_stdout()
        return EXIT_CLEAN
    except OSError as exc:
        _note(f"celint: cannot write the output: {exc.strerror or exc}")
        _silence_stdout()
        return EXIT_ERROR


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="celint", description="Find cross-entropy loss misuse in ML code.")
    parser.add_argument("--version", action="version", version=f"celint {__version__}")
    commands = parser.add_subparsers(dest="command")
    _check_parser(commands.add_parser("check", help="lint files, directories and notebooks"))

    rules = commands.add_parser("rules", help="list every rule code")
    rules.set_defaults(run=run_rules)
    explain = commands.add_parser("explain", help="print a rule's document")
    explain.add_argument("code", help="a rule code or name, e.g. CE101 or single-unit-softmax")
    explain.set_defaults(run=run_explain)
    demo = commands.add_parser("demo", help="replay a rule's failure numerically (needs numpy)")
    demo.add_argument("code", help="a rule code, e.g. CE101")
    demo.add_argument("--format", choices=("text", "json"), default="text")
    demo.add_argument("--plot", metavar="DIR", help="also write a PNG (needs matplotlib)")
    demo.set_defaults(run=run_demo)
    return parser


def _check_parser(check: argparse.ArgumentParser) -> None:
    from celint.output import FORMATS

    check.add_argument(
        "paths",
        nargs="*",
        default=["."],
        help="files, directories or notebooks (default: .); - reads one file from standard input",
    )
    check.add_argument(
        "--format",
        "--output-format",
        dest="format",
        choices=FORMATS,
        default="text",
        help="report format (default: text)",
    )
    check.add_argument(
        "--stdin-filename",
        metavar="PATH",
        help="with -: the name of the file read from standard input (reports, config, notebooks)",
    )
    check.add_argument("--output-file", "-o", metavar="FILE", help="write the report here instead of stdout")
    sel = check.add_argument_group("selection (overrides [tool.celint] in pyproject.toml)")
    for flag, what in _LIST_FLAGS.items():
        sel.add_argument(f"--{flag}", metavar="LIST", help=f"comma-separated: {what}")
    sel.add_argument("--config", metavar="PYPROJECT", help="use this pyproject.toml instead of searching")
    sel.add_argument("--isolated", action="store_true", help="ignore every configuration file")
    sel.add_argument("--no-respect-gitignore", action="store_true", help="also check files .gitignore excludes")
    rep = check.add_argument_group("reporting")
    rep.add_argument(
        "--exit-zero", action="store_true", help="exit 0 even when there are findings or unanalysable files (CE000)"
    )
    rep.add_argument(
        "--exit-non-zero-on-fix",
        action="store_true",
        help="exit 1 when --fix changed a file, even if no finding is left",
    )
    rep.add_argument("--quiet", "-q", action="store_true", help="one line per finding, no excerpt or summary")
    rep.add_argument("--statistics", action="store_true", help="count findings per code")
    rep.add_argument("--color", choices=("auto", "always", "never"), default="auto")
    rep.add_argument("--demo", action="store_true", help="append a numerical demonstration to each finding")
    rep.add_argument(
        "--plot", metavar="DIR", help="write one PNG per finding into DIR (implies --demo; needs matplotlib)"
    )
    fix = check.add_argument_group("autofix")
    fix.add_argument("--fix", action="store_true", help="apply safe fixes in place")
    fix.add_argument("--diff", action="store_true", help="print the fixes as a diff; change nothing")
    fix.add_argument(
        "--unsafe-fixes",
        action="store_true",
        help="also apply fixes that change what a model outputs at inference time",
    )
    fix.add_argument(
        "--show-fixes", action="store_true", help="show each finding's fix under it, and list the fixes --fix applied"
    )
    eng = check.add_argument_group("engine")
    eng.add_argument("--no-prefilter", action="store_true", help="analyse every file, even without ML names")
    eng.add_argument(
        "--max-file-size",
        type=int,
        default=DEFAULT_MAX_FILE_SIZE,
        help="skip files larger than this many bytes with one CE000 line (default: %(default)s)",
    )
    eng.add_argument("--jobs", "-j", type=int, default=0, help="worker processes (default: one per core)")
    check.set_defaults(run=run_check)


# the list keys of [tool.celint] (celint.config.LIST_KEYS), as flags
_LIST_FLAGS = {
    "select": "report only these code prefixes (e.g. CE1,CE201)",
    "extend-select": "add code prefixes to the selection",
    "ignore": "leave out these code prefixes",
    "extend-ignore": "leave out these code prefixes too",
    "exclude": "file / directory globs to skip (replaces the defaults)",
    "extend-exclude": "more globs to skip",
}


def run_rules(args: argparse.Namespace) -> int:
    from celint.ruledocs import doc_path

    for rule in ALL_RULES:
        doc = "  (no document yet)" if rule.doc and not doc_path(rule.code) else ""
        print(f"{rule.code}  {rule.name:36} {rule.summary}{doc}")
    return EXIT_CLEAN


def run_explain(args: argparse.Namespace) -> int:
    from celint.ruledocs import help_url, read_doc

    code = args.code.strip().upper()
    by_name = {rule.name: rule.code for rule in ALL_RULES}
    code = by_name.get(args.code.strip().lower(), code)  # `celint explain single-unit-softmax`
    rule = RULES_BY_CODE.get(code)
    if rule is None:
        print(f"celint: unknown rule {args.code!r} (see `celint rules`)", file=sys.stderr)
        return EXIT_ERROR
    doc = read_doc(code)
    if doc is None:
        print(f"# {rule.code}: {rule.name}\n\n{rule.summary}.\n")
        print(f"celint: this installation carries no document for {code}; see {help_url(code)}", file=sys.stderr)
        return EXIT_CLEAN
    sys.stdout.write(doc if doc.endswith("\n") else doc + "\n")
    return EXIT_CLEAN


def run_demo(args: argparse.Namespace) -> int:
    from celint.demo import print_demo

    if args.plot and not _matplotlib():
        return EXIT_ERROR
    return print_demo(args.code.strip().upper(), args.format, args.plot)


def run_check(args: argparse.Namespace) -> int:
    from celint.config import ConfigError
    from celint.discovery import discover, project_modules
    from celint.runner import CheckOptions, check_files

    try:
        os.getcwd()  # relative paths, globs and the report all start from it
    except OSError as exc:
        _note(f"celint: the working directory is not accessible ({exc.strerror}); run celint from one that exists")
        return EXIT_ERROR
    stdin = args.paths == ["-"]
    if "-" in args.paths and not stdin:
        _note("celint: - (standard input) cannot be mixed with other paths")
        return EXIT_ERROR
    if stdin and args.fix and not args.diff:
        _note("celint: --fix cannot rewrite standard input; use --diff to see the fixes")
        return EXIT_ERROR
    if args.plot and not _matplotlib():
        return EXIT_ERROR
    try:
        settings = _settings(args)
    except ConfigError as exc:
        _note(f"celint: configuration error: {printable(str(exc))}")
        return EXIT_ERROR
    missing = [] if stdin else _unreachable(args.paths)
    files = [] if stdin else list(discover(args.paths, settings))
    if args.output_file and os.path.realpath(args.output_file) in {os.path.realpath(f) for f in files}:
        _note(f"celint: -o {printable(args.output_file)} is one of the files being checked; not overwriting it")
        return EXIT_ERROR
    try:  # before any file is checked or fixed: a report that cannot be written stops the run here
        out = (
            open(args.output_file, "w", encoding="utf-8", errors="backslashreplace") if args.output_file else sys.stdout
        )
    except OSError as exc:
        _note(f"celint: cannot write the report to {printable(args.output_file)}: {exc.strerror or exc}")
        return EXIT_ERROR
    try:
        options = CheckOptions(settings, prefilter=not args.no_prefilter, max_bytes=args.max_file_size)
        context: List[str] = []
        if stdin:
            from celint.runner import check_file

            data = sys.stdin.buffer.read() if hasattr(sys.stdin, "buffer") else sys.stdin.read().encode()
            results = [check_file(args.stdin_filename or "-", options, data=data)]
        else:
            # files named one by one (a pre-commit hook's staged files) still see the project's modules
            context = project_modules(args.paths, settings)
            results = check_files(files, options, jobs=args.jobs, context=context)
        diff, not_fixed, changed = io.StringIO(), 0, 0
        if args.fix or args.diff:
            results, not_fixed, changed = _fix(args, results, options, diff, context)
        if not_fixed or missing or any(r.error for r in results):
            status = EXIT_ERROR
        elif args.diff and diff.getvalue():
            status = EXIT_FINDINGS
        else:
            status = EXIT_FINDINGS if any(r.findings for r in results) else EXIT_CLEAN
        if args.exit_zero:  # as flake8 and ruff: also with unanalysable files
            status = EXIT_CLEAN
        elif args.exit_non_zero_on_fix and changed and status == EXIT_CLEAN:
            status = EXIT_FINDINGS
        return _report(args, results, out, diff.getvalue(), status)
    finally:
        if out is not sys.stdout:
            _close(out)


def _fix(
    args: argparse.Namespace, results: List[CheckedFile], options: CheckOptions, diff: TextIO, context: List[str]
) -> "tuple[List[CheckedFile], int, int]":
    """--fix / --diff: the report after fixing, how many files with fixes were left as they were, and
    how many files changed."""
    from celint.fix import fix_results

    outcome = fix_results(
        results,
        options,
        write=args.fix and not args.diff,
        unsafe=args.unsafe_fixes,
        diff_out=diff if args.diff else None,
        roots=_roots(args.paths),
        context=context,
    )
    for path, why in outcome.not_fixed:
        _note(f"celint: {printable(path)}: not fixed: {printable(why)}")
    for path, line, code, why in outcome.dropped:
        _note(f"celint: {printable(path)}:{line}: the {code} fix is unsafe here and was not applied: {printable(why)}")
    if args.fix and not args.diff and not args.quiet:
        _note(f"celint: fixed {outcome.changed} file{'s' if outcome.changed != 1 else ''}")
    if args.show_fixes and args.fix and not args.diff:
        for path, line, code, description in outcome.fixed:
            _note(f"celint: fixed {printable(path)}:{line}: {code} {printable(description)}")
    left = sum(len(r.findings) for r in outcome.results) - outcome.applied
    if args.diff and outcome.changed and left > 0:
        _note(
            f"celint: {left} finding{'s are' if left != 1 else ' is'} not fixed by this diff; "
            "run without --diff to list them"
        )
    return outcome.results, len(outcome.not_fixed), outcome.changed


def _report(args: argparse.Namespace, results: List[CheckedFile], out: TextIO, diff: str, status: int) -> int:
    """Write the diff and the report; `status` unless they cannot be written. A reader that closed the
    pipe (`| head`) has what it wanted: the status stays the run's."""
    from celint.output import ReportOptions, formatter

    try:
        # a diff is text: with a machine-readable report it goes to stderr, so stdout holds one document
        (sys.stdout if args.format == "text" else sys.stderr).write(diff)
        embedded = args.demo and args.format in ("json", "sarif")  # stdout stays one JSON document
        demo_of: Optional[DemoOf] = None
        if embedded:
            from celint.demo import finding_demo_json

            demo_of = finding_demo_json
        report = ReportOptions(
            quiet=args.quiet,
            statistics=args.statistics,
            color=_color(args, out),
            demo=demo_of,
            unsafe_fixes=args.unsafe_fixes,
            show_fixes=args.show_fixes,
        )
        if not (diff and args.format == "text"):  # a diff is the report; with none, the findings are
            formatter(args.format)(results, out, report)
        if (args.demo and not embedded) or args.plot:
            from celint.demo import append_demos

            append_demos(results, out if not embedded else None, args.plot)
        out.flush()
        sys.stdout.flush()
    except BrokenPipeError:
        _silence_stdout()
    except OSError as exc:
        _note(f"celint: cannot write the report: {exc.strerror or exc}")
        _silence_stdout()
        return EXIT_ERROR
    return status


def _matplotlib() -> bool:
    """--plot needs matplotlib: said in one line before any work, not as a traceback after it."""
    import importlib.util

    try:
        found = importlib.util.find_spec("matplotlib") is not None
    except (ImportError, ValueError):
        found = False
    if not found:
        _note("celint: --plot needs matplotlib, which is not installed: pip install 'celint[plot]'")
    return found


def _unreachable(paths: Sequence[str]) -> List[str]:
    """Paths that cannot even be looked at, each said on stderr (and reported as CE000 when read)."""
    missing = []
    for path in paths:
        try:
            os.stat(path)
        except (OSError, ValueError) as exc:
            reason = str(getattr(exc, "strerror", None) or exc)
            _note(f"celint: {printable(path)}: {reason[:1].lower()}{reason[1:]}")
            missing.append(path)
    return missing


def _roots(paths: Sequence[str]) -> List[str]:
    """Where --fix may write: inside each checked directory, and the directory of each checked file
    (so a symlink leading out of the tree is never written through)."""
    return [os.path.realpath(p if os.path.isdir(p) else os.path.dirname(os.path.abspath(p))) for p in paths]


def _note(message: str) -> None:
    """One line on stderr; a closed stderr must not end the run."""
    try:
        print(message, file=sys.stderr, flush=True)
    except (OSError, ValueError):
        pass


def _tolerant_streams() -> None:
    """A character the terminal's encoding lacks is written as an escape, not a UnicodeEncodeError."""
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.reconfigure(errors="backslashreplace")  # type: ignore[union-attr]
        except (AttributeError, ValueError, OSError):
            pass


def _silence_stdout() -> None:
    """After a closed pipe or a full disk, stdout leads to the null device, so the interpreter's final
    flush of what is still buffered cannot fail again (and print a traceback) on the way out."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    except (OSError, ValueError, AttributeError):
        pass


def _close(out: TextIO) -> None:
    try:
        out.close()
    except OSError:
        pass


def _settings(args: argparse.Namespace):  # type: ignore[no-untyped-def]
    from celint.config import Settings, find_config, load_settings, override

    if args.isolated:
        settings = Settings()
    else:
        start = (getattr(args, "stdin_filename", None) or ".") if args.paths == ["-"] else args.paths[0]
        settings = load_settings(args.config or find_config(start))  # paths defaults to ["."]
    flags: Dict[str, Optional[List[str]]] = {}
    for key in _LIST_FLAGS:
        value = getattr(args, key.replace("-", "_"))
        flags[key] = None if value is None else [v.strip() for v in value.split(",") if v.strip()]
    settings = override(settings, flags)
    if args.no_respect_gitignore:
        from celint.records import replace

        settings = replace(settings, respect_gitignore=False)
    return settings


def _color(args: argparse.Namespace, out: TextIO) -> bool:
    if args.color != "auto":
        return bool(args.color == "always")
    if os.environ.get("NO_COLOR"):
        return False
    return bool(os.environ.get("FORCE_COLOR")) or (hasattr(out, "isatty") and out.isatty())
