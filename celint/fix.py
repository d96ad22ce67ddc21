"""Applying fixes with libcst, so formatting and comments survive. Each Edit names the node that starts
at a position; an edit whose node is not what it expects is skipped (the code changed, or the fact was
about something else), never guessed."""

from __future__ import annotations

import difflib
import os
import stat
from collections import Counter
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Dict, List, Mapping, Optional, Sequence, TextIO, Tuple

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
    from libcst.metadata import MetadataWrapper, ParentNodeProvider, PositionProvider

    wrapper = MetadataWrapper(cst.parse_module(source))
    positions = wrapper.resolve(PositionProvider)
    parents = wrapper.resolve(ParentNodeProvider)
    starts: Dict[Tuple[int, int], List[cst.CSTNode]] = {}
    for node, where in positions.items():
        starts.setdefault((where.start.line, where.start.column), []).append(node)
    changes: Dict[cst.CSTNode, cst.CSTNode] = {}
    applied = 0
    for fix in fixes:
        before = dict(changes)  # a fix applies whole or not at all
        for edit in fix.edits:
            step = _plan(edit, starts.get((edit.at.line, edit.at.col), []), changes, starts, parents)
            if step is None:
                changes = before
                break
            changes[step[0]] = step[1]  # type: ignore[index,assignment]  # a later edit may build on it
        else:
            applied += 1 if fix.edits else 0
    if not changes:
        return source, 0
    return wrapper.module.visit(_replacer(changes)).code, applied


def _plan(
    edit: Edit,
    nodes: list,
    changes: dict,
    starts: dict,
    parents: Mapping,
) -> "Optional[Tuple[object, object]]":
    import libcst as cst

    for node in nodes:
        if node in changes and edit.kind != EditKind.SET_KEYWORD:
            continue
        if edit.kind == EditKind.SET_ARGUMENT and isinstance(node, cst.Arg):
            return node, node.with_changes(value=cst.parse_expression(edit.value))
        if edit.kind == EditKind.SET_KEYWORD and isinstance(node, cst.Call):
            return node, _set_keyword(changes.get(node, node), edit.keyword, edit.value)
        if edit.kind == EditKind.REPLACE_STRING:
            target = node.value if isinstance(node, cst.Arg) else node
            if isinstance(target, cst.Call):  # `Activation("softmax")`: its one positional string
                target = next((a.value for a in target.args if a.keyword is None), None)
            if isinstance(target, cst.SimpleString) and _is_activation_string(target) and target not in changes:
                quote = target.quote
                return target, target.with_changes(value=f"{target.prefix}{quote}{edit.value}{quote}")
        if edit.kind == EditKind.REPLACE_WITH_CALL and isinstance(node, cst.SimpleString):
            like = (
                next((n for n in starts.get((edit.like.line, edit.like.col), []) if isinstance(n, cst.Call)), None)
                if edit.like is not None
                else None
            )
            spelled = _module_path(like.func) if like is not None else None
            if spelled:
                return node, cst.parse_expression(f"{spelled}.{edit.value}")
        if edit.kind == EditKind.UNWRAP_CALL and isinstance(node, cst.Call):
            inner = _unwrapped(node)
            if inner is not None:
                return node, inner
        if edit.kind == EditKind.UNWRAP_CALL and isinstance(node, cst.Arg) and _is_activation_layer(node.value):
            call = parents.get(node)  # `nn.Softmax(dim=1)` inside nn.Sequential(...): the call loses it
            if isinstance(call, cst.Call) and call not in changes:
                return call, _without_argument(call, node)
    return None


def _module_path(func: object) -> Optional[str]:
    """`keras` of `keras.losses.BinaryCrossentropy`, `tf.keras` of `tf.keras.losses.X`; None when the
    loss is not spelled through a `losses` module (a bare name needs an import we do not add)."""
    import libcst as cst

    parts: List[str] = []
    while isinstance(func, cst.Attribute):
        parts.append(func.attr.value)
        func = func.value
    if not isinstance(func, cst.Name) or len(parts) < 2 or parts[1] != "losses":
        return None
    return ".".join([func.value, *reversed(parts[2:])])


def _without_argument(call, arg):
    """`call` without `arg`, the layout kept: removing the last element of a one-per-line call moves
    the closing parenthesis's line break to the element before it (its own comment stays; the removed
    element's comment goes with it)."""
    import libcst as cst

    args = list(call.args)
    index = next(i for i, a in enumerate(args) if a is arg)
    del args[index]
    if index == len(args) and args:  # it was the last: the one before now ends the list
        previous = args[-1]
        closing = arg.comma.whitespace_after if isinstance(arg.comma, cst.Comma) else arg.whitespace_after_arg
        if isinstance(previous.comma, cst.Comma) and isinstance(closing, cst.ParenthesizedWhitespace):
            mine = previous.comma.whitespace_after
            first_line = mine.first_line if isinstance(mine, cst.ParenthesizedWhitespace) else cst.TrailingWhitespace()
            trailing = isinstance(arg.comma, cst.Comma)  # keep the trailing comma only if there was one
            comma = previous.comma.with_changes(whitespace_after=closing.with_changes(first_line=first_line))
            if trailing:
                args[-1] = previous.with_changes(comma=comma)
            else:
                args[-1] = previous.with_changes(
                    comma=cst.MaybeSentinel.DEFAULT, whitespace_after_arg=closing.with_changes(first_line=first_line)
                )
        elif not isinstance(arg.comma, cst.Comma):
            args[-1] = previous.with_changes(comma=cst.MaybeSentinel.DEFAULT)
    return call.with_changes(args=args)


def _is_activation_string(node: object) -> bool:
    import libcst as cst

    return (
        isinstance(node, cst.SimpleString)
        and node.prefix.lower() in ("", "u")
        and node.evaluated_value in ACTIVATION_STRINGS
    )


def _is_activation_layer(node: object) -> bool:
    import libcst as cst

    if not isinstance(node, cst.Call) or any(a.keyword is None for a in node.args):
        return False
    func = node.func
    name = func.attr.value if isinstance(func, cst.Attribute) else func.value if isinstance(func, cst.Name) else ""
    return name in ACTIVATION_LAYERS


def _set_keyword(call, keyword: str, value: str):
    """`call` with `keyword=value`: replaced where it is given, else appended; in a call written one
    argument per line, the new one gets its own line."""
    import libcst as cst

    expression = cst.parse_expression(value)
    args = list(call.args)
    for i, arg in enumerate(args):
        if arg.keyword is not None and arg.keyword.value == keyword:
            args[i] = arg.with_changes(value=expression)
            return call.with_changes(args=args)
    new = cst.Arg(
        value=expression,
        keyword=cst.Name(keyword),
        equal=cst.AssignEqual(whitespace_before=cst.SimpleWhitespace(""), whitespace_after=cst.SimpleWhitespace("")),
    )
    if not args:
        return call.with_changes(args=[new])
    last = args[-1]
    line_break = _line_break(call)
    if line_break is not None:  # one per line: a new line like the first argument's
        if isinstance(last.comma, cst.Comma) and isinstance(last.comma.whitespace_after, cst.ParenthesizedWhitespace):
            closing = last.comma.whitespace_after  # the last line's comment stays on it
            args[-1] = last.with_changes(
                comma=last.comma.with_changes(whitespace_after=line_break.with_changes(first_line=closing.first_line))
            )
            new = new.with_changes(
                comma=last.comma.with_changes(
                    whitespace_after=closing.with_changes(first_line=cst.TrailingWhitespace())
                )
            )
            return call.with_changes(args=[*args, new])
        if isinstance(last.whitespace_after_arg, cst.ParenthesizedWhitespace):
            closing = last.whitespace_after_arg
            args[-1] = last.with_changes(
                comma=cst.Comma(whitespace_after=line_break.with_changes(first_line=closing.first_line)),
                whitespace_after_arg=cst.SimpleWhitespace(""),
            )
            new = new.with_changes(whitespace_after_arg=closing.with_changes(first_line=cst.TrailingWhitespace()))
            return call.with_changes(args=[*args, new])
    if last.comma is cst.MaybeSentinel.DEFAULT:
        args[-1] = last.with_changes(comma=cst.Comma(whitespace_after=cst.SimpleWhitespace(" ")))
    else:  # a trailing comma already: keep the layout, add ours after it
        new = new.with_changes(comma=last.comma)
        args[-1] = last.with_changes(comma=cst.Comma(whitespace_after=cst.SimpleWhitespace(" ")))
    return call.with_changes(args=[*args, new])


def _line_break(call):
    """The whitespace that starts each argument's line when `call` is written one argument per line
    (a line break after the `(` and after every comma between arguments); else None."""
    import libcst as cst

    first = call.whitespace_before_args
    if not isinstance(first, cst.ParenthesizedWhitespace):
        return None
    between = [a.comma.whitespace_after for a in call.args[:-1] if isinstance(a.comma, cst.Comma)]
    if len(between) != len(call.args) - 1 or not all(isinstance(w, cst.ParenthesizedWhitespace) for w in between):
        return None
    return first.with_changes(first_line=cst.TrailingWhitespace(), empty_lines=())


def _unwrapped(call):
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


def _replacer(changes: dict):
    """A libcst transformer replacing nodes by identity (defined here: libcst loads only for --fix)."""
    import libcst as cst

    class Replace(cst.CSTTransformer):
        def on_leave(self, original, updated):
            return changes.get(original, updated)

    return Replace()


def text_edits(source: str, fix: Fix) -> List[Tuple[int, int, int, int, str]]:
    """The fix as replacements of the original text: (line, column, end line, end column, new text),
    lines and columns 1-based, the end exclusive (ruff's and SARIF's form); [] when it does not apply."""
    try:
        fixed, count = apply(source, [fix])
    except Exception:  # libcst missing or cannot parse it: the report says the fix, without edits
        return []
    if not count:
        return []
    old_lines, new_lines = source.splitlines(True), fixed.splitlines(True)
    edits = []
    matcher = difflib.SequenceMatcher(None, old_lines, new_lines, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            continue
        old, new = "".join(old_lines[i1:i2]), "".join(new_lines[j1:j2])
        same = 0
        while same < min(len(old), len(new)) and old[same] == new[same]:
            same += 1
        while same and _word(old[same - 1]):  # whole names: `False` replaces `FROM_LOGITS`, not `alse`
            same -= 1
        tail = 0
        while tail < min(len(old), len(new)) - same and old[-1 - tail] == new[-1 - tail]:
            tail += 1
        while tail and _word(old[len(old) - tail]):
            tail -= 1
        edits.append((*_position(old[:same], i1), *_position(old[: len(old) - tail], i1), new[same : len(new) - tail]))
    return edits


def _word(char: str) -> bool:
    return char.isalnum() or char == "_"


def _position(before: str, first_line: int) -> Tuple[int, int]:
    """The 1-based (line, column) just after `before`, which starts at the 0-based line `first_line`."""
    return first_line + 1 + before.count("\n"), len(before) - (before.rfind("\n") + 1) + 1


def unified_diff(path: str, before: str, after: str) -> str:
    return "".join(
        difflib.unified_diff(
            before.splitlines(True), after.splitlines(True), f"a/{path.lstrip('/')}", f"b/{path.lstrip('/')}"
        )
    )


@dataclass
class FixOutcome:
    results: list  # the report: files written are checked again
    changed: int = 0  # files written (--fix) or shown as a diff (--diff)
    applied: int = 0  # fixes in those files, one per finding
    not_fixed: List[Tuple[str, str]] = field(default_factory=list)  # (path, why) of files left as they were
    dropped: List[Tuple[str, int, str, str]] = field(default_factory=list)  # (path, line, code, why): unsafe after all
    fixed: List[Tuple[str, int, str, str]] = field(default_factory=list)  # (path, line, code, description) applied


class NotWritten(Exception):
    """Why a file with fixes was left exactly as it was; one line for the user."""


def fix_results(
    results: list,
    options: object,
    write: bool,
    unsafe: bool,
    diff_out: Optional[TextIO],
    roots: Optional[Sequence[str]] = None,
    context: Sequence[str] = (),
) -> FixOutcome:
    """Apply (or, for --diff, show) the fixes of each file; files that changed are checked again so the
    report shows what is left, with the same `context` as the first check (`runner.check_files`).
    Notebooks are reported, not rewritten. A file is only ever written inside `roots` (the checked
    directories, and the directories of the checked files); None: anywhere."""
    from celint.project import Project
    from celint.runner import check_file, hand_over

    outcome = FixOutcome([])
    out, rewritten = outcome.results, []
    max_size = getattr(options, "max_bytes", None)
    checked = [r for r in results if r.cells is None and not r.error]
    for result in results:
        out.append(result)
        fixable = [
            f for f in result.findings if f.hit is not None and f.hit.fix is not None and (f.hit.fix.safe or unsafe)
        ]
        if not fixable or result.cells is not None or result.error:
            continue
        try:
            _check_round_trip(result.source)
            chosen = _harmless(result, fixable, [r for r in checked if r is not result], outcome.dropped)
            fixes = [f.hit.fix for f in chosen]
            count = _fix_file(result, fixes, write and diff_out is None, diff_out, roots, max_size) if fixes else 0
        except NotWritten as exc:
            outcome.not_fixed.append((result.path, str(exc)))
            continue
        if count:
            outcome.changed += 1
            outcome.applied += count
            outcome.fixed.extend((result.path, f.line, f.code, f.hit.fix.description) for f in chosen)
            if write and diff_out is None:
                rewritten.append(len(out) - 1)
    if rewritten:  # checked again once every file is written, following imports like the first check
        project = Project([*context, *(result.path for result in out)])
        for index in rewritten:
            out[index] = check_file(out[index].path, options, project)  # type: ignore[arg-type]
        hand_over(out, options)  # type: ignore[arg-type]  # what the rewritten files found in other files' code
    return outcome


def _harmless(
    result: "CheckedFile", fixable: list, others: "List[CheckedFile]", dropped: List[Tuple[str, int, str, str]]
) -> list:
    """The fixes that, applied one after the other, create no new finding: the fixed file is checked
    again, and so are the checked files that may import it (with its fixed text). A fix that would add a
    finding anywhere is dropped and said to be unsafe."""
    from celint.project import Project

    fixed_module = Project([result.path])  # what a file importing the fixed one must name
    importers = [r for r in others if fixed_module.may_import_own_module(r.source)]
    before = _counts(result.source, result.path, importers)
    accepted: List[Fix] = []
    chosen = []  # the findings whose fixes are accepted
    for finding in fixable:
        fix = finding.hit.fix
        trial, count = _applied(result.source, [*accepted, fix])
        if count <= len(accepted):
            continue  # it does not apply here (the code is not what the fix expects): not offered
        after = _counts(trial, result.path, importers)
        new = sorted({f"{path}: {code}" for (path, code), n in after.items() if n > before.get((path, code), 0)})
        if new:
            dropped.append((result.path, finding.line, finding.code, f"it would cause {', '.join(new)}"))
        else:
            accepted.append(fix)
            chosen.append(finding)
    return chosen


def _counts(source: str, path: str, importers: "List[CheckedFile]") -> "Counter[Tuple[str, str]]":
    """How many findings of each code the file holds, and each importer with the file read as `source`."""
    from celint.engine import check_source
    from celint.project import Project

    counts: "Counter[Tuple[str, str]]" = Counter()
    project = Project([path, *(r.path for r in importers)], texts={path: source}) if importers else None
    for name, text in [(path, source), *((r.path, r.source) for r in importers)]:
        result = check_source(text, name, prefilter=False, max_bytes=None, project=project)
        counts.update((name, f.code) for f in result.findings)
        if result.error:
            counts[(name, "CE000")] += 1
    return counts


def _fix_file(
    result: "CheckedFile",
    fixes: Sequence[Fix],
    write: bool,
    diff_out: Optional[TextIO],
    roots: Optional[Sequence[str]],
    max_size: Optional[int],
) -> int:
    """How many fixes change this file (0: none), after writing it or its diff; NotWritten when it is
    left as it is."""
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


def _write_back(
    path: str, before: str, after: str, roots: Optional[Sequence[str]] = None, max_size: Optional[int] = None
) -> None:
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
