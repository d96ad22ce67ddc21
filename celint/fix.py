"""Applying fixes with libcst, so formatting and comments survive. Each Edit names the node that starts
at a position; an edit whose node is not what it expects is skipped (the code changed, or the fact was
about something else), never guessed."""

from __future__ import annotations

import difflib
import os
import stat
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Dict, List, Optional, Sequence, TextIO, Tuple

from celint.facts import Edit, EditKind, Fix

if TYPE_CHECKING:
    from celint.runner import CheckedFile

ACTIVATION_CALLS = frozenset({"softmax", "sigmoid", "log_softmax"})
ACTIVATION_LAYERS = frozenset({"Softmax", "Sigmoid", "LogSoftmax"})
ACTIVATION_STRINGS = frozenset({"softmax", "sigmoid", "linear", "log_softmax"})
MODULES = frozenset({"F", "torch", "nn", "functional", "tf", "jax", "jnp", "special"})


def apply(source: str, fixes: Sequence[Fix]) -> Tuple[str, int]:
    """The fixed text and how many fixes applied."""
    import libcst as cst
    from libcst.metadata import MetadataWrapper, PositionProvider

    wrapper = MetadataWrapper(cst.parse_module(source))
    positions = wrapper.resolve(PositionProvider)
    starts: Dict[Tuple[int, int], List[cst.CSTNode]] = {}
    for node, where in positions.items():
        starts.setdefault((where.start.line, where.start.column), []).append(node)
    changes: Dict[cst.CSTNode, cst.CSTNode] = {}
    applied = 0
    for fix in fixes:
        planned = [_plan(edit, starts.get((edit.at.line, edit.at.col), []), changes) for edit in fix.edits]
        if fix.edits and all(p is not None for p in planned):
            for old, new in planned:  # type: ignore[misc]
                changes[old] = new
            applied += 1
    if not changes:
        return source, 0
    return wrapper.module.visit(_replacer(changes)).code, applied


def _plan(edit: Edit, nodes: list, changes: dict) -> "Optional[Tuple[object, object]]":
    import libcst as cst

    for node in nodes:
        if node in changes:
            continue
        if edit.kind == EditKind.SET_ARGUMENT and isinstance(node, cst.Arg):
            return node, node.with_changes(value=cst.parse_expression(edit.value))
        if edit.kind == EditKind.SET_KEYWORD and isinstance(node, cst.Call):
            return node, _set_keyword(node, edit.keyword, edit.value)
        if edit.kind == EditKind.REPLACE_STRING:
            target = node.value if isinstance(node, cst.Arg) else node
            if isinstance(target, cst.Call):  # `Activation("softmax")`: its one positional string
                target = next((a.value for a in target.args if a.keyword is None), None)
            if _is_activation_string(target) and target not in changes:
                quote = target.quote
                return target, target.with_changes(value=f"{target.prefix}{quote}{edit.value}{quote}")
        if edit.kind == EditKind.UNWRAP_CALL and isinstance(node, cst.Call):
            inner = _unwrapped(node)
            if inner is not None:
                return node, inner
        if edit.kind == EditKind.UNWRAP_CALL and isinstance(node, cst.Arg) and _is_activation_layer(node.value):
            return node, cst.RemoveFromParent()  # `nn.Softmax(dim=1)` inside nn.Sequential(...)
    return None


def _is_activation_string(node: object) -> bool:
    import libcst as cst

    return (isinstance(node, cst.SimpleString) and node.prefix.lower() in ("", "u")
            and node.evaluated_value in ACTIVATION_STRINGS)


def _is_activation_layer(node: object) -> bool:
    import libcst as cst

    if not isinstance(node, cst.Call) or any(a.keyword is None for a in node.args):
        return False
    func = node.func
    name = func.attr.value if isinstance(func, cst.Attribute) else func.value if isinstance(func, cst.Name) else ""
    return name in ACTIVATION_LAYERS


def _set_keyword(call, keyword: str, value: str):  # type: ignore[no-untyped-def]
    import libcst as cst

    expression = cst.parse_expression(value)
    args = list(call.args)
    for i, arg in enumerate(args):
        if arg.keyword is not None and arg.keyword.value == keyword:
            args[i] = arg.with_changes(value=expression)
            return call.with_changes(args=args)
    new = cst.Arg(value=expression, keyword=cst.Name(keyword),
                  equal=cst.AssignEqual(whitespace_before=cst.SimpleWhitespace(""),
                                        whitespace_after=cst.SimpleWhitespace("")))
    if args and args[-1].comma is cst.MaybeSentinel.DEFAULT:
        args[-1] = args[-1].with_changes(comma=cst.Comma(whitespace_after=cst.SimpleWhitespace(" ")))
    elif args:  # a trailing comma already: keep the layout, add ours after it
        new = new.with_changes(comma=args[-1].comma)
        args[-1] = args[-1].with_changes(comma=cst.Comma(whitespace_after=cst.SimpleWhitespace(" ")))
    return call.with_changes(args=[*args, new])


def _unwrapped(call):  # type: ignore[no-untyped-def]
    """`F.softmax(x, dim=1)` -> `x`; `x.softmax(dim=1)` -> `x`; anything else -> None."""
    import libcst as cst

    func = call.func
    name = func.attr.value if isinstance(func, cst.Attribute) else func.value if isinstance(func, cst.Name) else ""
    if name not in ACTIVATION_CALLS:
        return None
    positional = [a for a in call.args if a.keyword is None and not a.star]
    if positional:
        return positional[0].value
    # `x.softmax(dim=1)`: the receiver is the tensor (but `F.softmax()` with no argument is not)
    if isinstance(func, cst.Attribute) and not (isinstance(func.value, cst.Name) and func.value.value in MODULES):
        return func.value
    return None


def _replacer(changes: dict):  # type: ignore[no-untyped-def]
    """A libcst transformer replacing nodes by identity (defined here: libcst loads only for --fix)."""
    import libcst as cst

    class Replace(cst.CSTTransformer):
        def on_leave(self, original, updated):  # type: ignore[no-untyped-def,override]
            return changes.get(original, updated)

    return Replace()


def unified_diff(path: str, before: str, after: str) -> str:
    return "".join(difflib.unified_diff(before.splitlines(True), after.splitlines(True), f"a/{path.lstrip('/')}", f"b/{path.lstrip('/')}"))


@dataclass
class FixOutcome:
    results: list  # the report: files written are checked again
    changed: int = 0  # files written (--fix) or shown as a diff (--diff)
    applied: int = 0  # fixes in those files, one per finding
    not_fixed: List[Tuple[str, str]] = field(default_factory=list)  # (path, why) of files left as they were


class NotWritten(Exception):
    """Why a file with fixes was left exactly as it was; one line for the user."""


def fix_results(results: list, options: object, write: bool, unsafe: bool, diff_out: Optional[TextIO],
                roots: Optional[Sequence[str]] = None) -> FixOutcome:
    """Apply (or, for --diff, show) the fixes of each file; files that changed are checked again so the
    report shows what is left. Notebooks are reported, not rewritten. A file is only ever written inside
    `roots` (the checked directories, and the directories of the checked files); None: anywhere."""
    from celint.project import Project
    from celint.runner import check_file, hand_over

    outcome = FixOutcome([])
    out, rewritten = outcome.results, []
    max_size = getattr(options, "max_bytes", None)
    for result in results:
        out.append(result)
        fixes = [f.hit.fix for f in result.findings
                 if f.hit is not None and f.hit.fix is not None and (f.hit.fix.safe or unsafe)]
        if not fixes or result.cells is not None or result.error:
            continue
        try:
            count = _fix_file(result, fixes, write and diff_out is None, diff_out, roots, max_size)
        except NotWritten as exc:
            outcome.not_fixed.append((result.path, str(exc)))
            continue
        if count:
            outcome.changed += 1
            outcome.applied += count
            if write and diff_out is None:
                rewritten.append(len(out) - 1)
    if rewritten:  # checked again once every file is written, following imports like the first check
        project = Project([result.path for result in out])
        for index in rewritten:
            out[index] = check_file(out[index].path, options, project)  # type: ignore[arg-type]
        hand_over(out, options)  # type: ignore[arg-type]  # what the rewritten files found in other files' code
    return outcome


def _fix_file(result: "CheckedFile", fixes: Sequence[Fix], write: bool, diff_out: Optional[TextIO],
              roots: Optional[Sequence[str]], max_size: Optional[int]) -> int:
    """How many fixes change this file (0: none), after writing it or its diff; NotWritten when it is
    left as it is."""
    _check_round_trip(result.source)
    fixed, count = _applied(result.source, fixes)
    if not count or fixed == result.source:
        return 0
    if diff_out is not None:
        diff_out.write(unified_diff(result.path, result.source, fixed))
    elif write:
        _write_back(result.path, result.source, fixed, roots, max_size)
    return count


def _applied(source: str, fixes: Sequence[Fix]) -> Tuple[str, int]:
    try:
        return apply(source, fixes)
    except Exception as exc:  # a bug of ours: this file stays as it is, the others are still fixed
        raise NotWritten(f"applying its fixes failed ({type(exc).__name__}: {exc}); please report it") from None


def _check_round_trip(source: str) -> None:
    """libcst must give back the very text it parsed, or a fix would change more than its edits (it
    drops a lone carriage return, for one)."""
    import libcst as cst

    try:
        same = cst.parse_module(source).code == source
    except Exception:  # libcst rejects some code ast accepts
        raise NotWritten("libcst cannot parse it") from None
    if not same:
        raise NotWritten("libcst would not write back its unchanged parts byte for byte (a lone carriage return?)")


def _write_back(path: str, before: str, after: str, roots: Optional[Sequence[str]] = None,
                max_size: Optional[int] = None) -> None:
    """Replace the file `path` leads to with `after`, in its own encoding (PEP 263 cookie, BOM), keeping
    its mode; or raise NotWritten and leave it exactly as it was. The file must still hold `before`,
    lie inside `roots`, and have a single name (replacing a hard-linked file would separate the links)."""
    from celint.source import SourceError, decode, encoding_of, read_bytes

    real = os.path.realpath(path)  # a symlink stays a symlink: its target is replaced
    if roots is not None and not any(_inside(real, root) for root in roots):
        raise NotWritten(f"it leads to {real}, outside the checked paths")
    try:
        data = read_bytes(real, max_size)
        if decode(data) != before:
            raise NotWritten("it changed since it was checked")
        encoding = encoding_of(data)
        info = os.stat(real)
    except SourceError as exc:
        raise NotWritten(str(exc)) from None
    except OSError as exc:
        raise NotWritten(f"cannot read: {exc.strerror or exc}") from None
    try:
        if before.encode(encoding) != data:
            raise NotWritten(f"it cannot be written back byte for byte as {encoding}")
        new = after.encode(encoding)  # "utf-8-sig" writes the BOM back
    except (UnicodeError, LookupError):
        raise NotWritten(f"the fixed text cannot be written as {encoding}") from None
    if info.st_nlink > 1:
        raise NotWritten(f"it has {info.st_nlink} hard links, which replacing it would separate")
    if not os.access(real, os.W_OK):
        raise NotWritten("it is read-only")
    _replace(real, new, data, info)


def _inside(path: str, root: str) -> bool:
    return os.path.commonpath([path, root]) == root


def _replace(real: str, new: bytes, old: bytes, info: os.stat_result) -> None:
    """Write a temporary file next to `real`, flush it to disk, then rename it over `real`: at every
    moment the file holds either all of its old text or all of its new text, never a truncated mix."""
    import tempfile

    directory, name = os.path.split(real)
    try:
        fd, temp = tempfile.mkstemp(prefix=f".{name}.", suffix=".celint-tmp", dir=directory)
    except OSError as exc:
        raise NotWritten(f"cannot write a temporary file next to it: {exc.strerror or exc}") from None
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(new)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(temp, stat.S_IMODE(info.st_mode))
        _keep_owner(temp, info)
        if not _unchanged(real, old):  # an editor saved it while we were fixing: its save wins
            raise NotWritten("it changed while it was being fixed")
        os.replace(temp, real)
    except BaseException as exc:
        _remove(temp)
        if isinstance(exc, OSError):
            raise NotWritten(f"cannot write: {exc.strerror or exc}") from None
        raise
    _sync_directory(directory)


def _unchanged(path: str, old: bytes) -> bool:
    from celint.source import SourceError, read_bytes

    try:
        return read_bytes(path, len(old)) == old
    except SourceError:  # gone, unreadable, or grown
        return False


def _keep_owner(path: str, info: os.stat_result) -> None:
    """The replacement keeps the file's owner and group where we may set them (root fixing a user's file)."""
    mine = os.stat(path)
    if (mine.st_uid, mine.st_gid) != (info.st_uid, info.st_gid) and hasattr(os, "chown"):
        try:
            os.chown(path, info.st_uid, info.st_gid)
        except OSError:
            pass


def _remove(path: str) -> None:
    try:
        os.unlink(path)
    except OSError:
        pass


def _sync_directory(directory: str) -> None:
    """Make the rename itself durable (POSIX; elsewhere a directory cannot be opened, and that is fine)."""
    try:
        fd = os.open(directory, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)
