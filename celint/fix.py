"""Applying fixes with libcst, so formatting and comments survive. Each Edit names the node that starts
at a position; an edit whose node is not what it expects is skipped (the code changed, or the fact was
about something else), never guessed."""

from __future__ import annotations

import difflib
from typing import Dict, List, Optional, Sequence, TextIO, Tuple

from celint.facts import Edit, EditKind, Fix

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


def fix_results(results: list, options: object, write: bool, unsafe: bool,
                diff_out: Optional[TextIO]) -> Tuple[list, int]:
    """Apply (or, for --diff, show) the fixes of each file; files that changed are checked again so the
    report shows what is left. Notebooks are reported, not rewritten."""
    from celint.project import Project
    from celint.runner import check_file

    out, changed, rewritten = [], 0, []
    for result in results:
        fixes = [f.hit.fix for f in result.findings
                 if f.hit is not None and f.hit.fix is not None and (f.hit.fix.safe or unsafe)]
        if not fixes or result.cells is not None or result.error:
            out.append(result)
            continue
        try:
            fixed, count = apply(result.source, fixes)
        except Exception:  # libcst rejects some code ast accepts: leave the file as it is
            fixed, count = result.source, 0
        if count and fixed != result.source:
            changed += 1
            if diff_out is not None:
                diff_out.write(unified_diff(result.path, result.source, fixed))
            elif write and _write_back(result.path, result.source, fixed):
                rewritten.append(len(out))
        out.append(result)
    if rewritten:  # checked again once every file is written, following imports like the first check
        project = Project([result.path for result in out])
        for index in rewritten:
            out[index] = check_file(out[index].path, options, project)  # type: ignore[arg-type]
    return out, changed


def _write_back(path: str, before: str, after: str) -> bool:
    """Write only when the file is the UTF-8 text we fixed (a BOM is kept); a file in another encoding,
    or changed since it was read, is left alone."""
    with open(path, "rb") as handle:
        data = handle.read()
    bom = b"\xef\xbb\xbf" if data.startswith(b"\xef\xbb\xbf") else b""
    if data != bom + before.encode("utf-8"):
        return False
    with open(path, "wb") as handle:
        handle.write(bom + after.encode("utf-8"))
    return True
