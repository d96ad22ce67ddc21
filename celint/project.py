"""Cross-module analysis: imports of the checked tree's own modules resolve to what those modules define.

Real projects keep the model in `models.py` and the loop in `train.py`. When the CLI checks a tree,
`from .models import Net` / `from models import build_model` / `import models` in one file is resolved
to the class or function that `models.py` defines, so the interpreter can enter it; a softmax at the
end of `Net.forward` then reaches the `CrossEntropyLoss` in `train.py`, and the finding (reported at
the loss) names the head's `file:line`. When the loss is applied in a third module (`engine.py`, called
by train.py with the model and the criterion), the finding is reported there: see `engine.analyse`
and `runner.hand_over`.

Bounded: each imported module is read and parsed once and interpreted once (as an import, with
`__name__` set so its `if __name__ == "__main__":` block is skipped); its final scope is cached.
An import cycle resolves to nothing (unknown), never to a half-built module.
"""

from __future__ import annotations

import ast
import os
import re
from typing import TYPE_CHECKING, Callable, Dict, Iterable, List, Optional, Set, Tuple

from celint.source import split_lines
from celint.values import Const, Deferred, Scope, Value

if TYPE_CHECKING:
    from celint.frameworks.adapter import Adapter
    from celint.interpreter import Interpreter

_NEW, _RUNNING, _DONE, _BROKEN = "new", "running", "done", "broken"


class _Module:
    def __init__(self, path: str):
        self.path = path  # as the user gave it: findings and labels use this spelling
        self.state = _NEW
        self.scope: Optional[Scope] = None
        self.parsed: Optional[Tuple[str, ast.Module]] = None  # (source, tree) once imported


class Project:
    """The modules of one checked tree, found by file path; nothing outside the tree is ever read."""

    def __init__(self, paths: Iterable[str], adapters: Optional[Tuple[Adapter, ...]] = None):
        self.adapters = adapters  # for every interpreter run in the tree; None: the interpreter's defaults
        self.modules: Dict[str, _Module] = {}
        self.names: Set[str] = set()  # every module / package name in the tree: a cheap first filter
        for path in paths:
            if not path.endswith(".py"):
                continue
            key = _key(path)
            self.modules[key] = _Module(path)
            parts = key[:-3].split(os.sep)
            self.names.update(p for p in parts if p and p != "__init__")
        self.top = os.path.commonpath(list(self.modules)) if self.modules else ""
        if self.top in self.modules:  # a single file
            self.top = os.path.dirname(self.top)
        # id(module scope) -> (lines, path), shared with every interpreter run for this project
        self.sources: Dict[int, Tuple[List[str], str]] = {}
        self._own_import: Optional["re.Pattern[str]"] = None
        self._located: Dict[Tuple[str, str], Optional[Tuple[_Module, List[str]]]] = {}

    def may_import_own_module(self, source: str) -> bool:
        """Cheap and sound: False only when `source` cannot import one of the tree's modules. A file without
        a single loss name can still hold a finding when its loss and model come from sibling modules,
        so the prefilter lets such files through."""
        if not self.names or "import" not in source:
            return False
        if self._own_import is None:
            words = "|".join(re.escape(n) for n in sorted(self.names, key=len, reverse=True))
            self._own_import = re.compile(rf"\bfrom\s*\.|\b(?:{words})\b")
        return self._own_import.search(source) is not None

    def parsed_tree(self, path: str, source: str) -> Optional[ast.Module]:
        """The tree of `path` if an import already parsed this very text: checking it then parses nothing."""
        module = self.modules.get(_key(path))
        if module is None or module.parsed is None or module.parsed[0] != source:
            return None
        return module.parsed[1]

    # ----- interpreters for the tree's files -------------------------------------------------
    def interpreter(self, tree: ast.Module, lines: List[str], path: str) -> Interpreter:
        from celint.interpreter import Interpreter

        if self.adapters is None:
            interp = Interpreter(tree, lines, path)
        else:
            interp = Interpreter(tree, lines, path, self.adapters)
        interp.resolve_external = self.resolver(path)
        interp.foreign = self.sources
        self.sources[id(interp.module_scope)] = (lines, path)
        return interp

    # ----- resolving names -------------------------------------------------------------------
    def resolver(self, importer: str) -> Callable[[str], Optional[Value]]:
        directory = os.path.dirname(_key(importer))
        return lambda qualname: self.resolve(directory, qualname)

    def resolve(self, directory: str, qualname: str) -> Optional[Value]:
        """What `qualname` (as an import or attribute chain spells it) names in the tree; None otherwise."""
        key = (directory, qualname)
        if key not in self._located:  # where a name points never changes: look it up once per directory
            self._located[key] = self._locate(directory, qualname)
        found = self._located[key]
        return self._member(*found) if found is not None else None

    def _locate(self, directory: str, qualname: str) -> Optional[Tuple[_Module, List[str]]]:
        """The tree module a dotted name starts in, and the attributes after it."""
        level = len(qualname) - len(qualname.lstrip("."))
        parts = qualname[level:].split(".")
        if level:
            roots = [_up(directory, level - 1)]
        elif parts[0] in self.names:
            roots = self._search_path(directory)
        else:
            return None  # torch.nn.Linear and every other outside name: the common case, kept cheap
        for root in roots:
            for cut in range(len(parts), 0, -1):
                module = self._find(root, parts[:cut])
                if module is not None:
                    return module, parts[cut:]
        return None

    def _search_path(self, directory: str) -> List[str]:
        """A script's own directory first (flat layouts), then each parent up to the tree's top."""
        roots = [directory]
        while directory != self.top and directory.startswith(self.top) and os.path.dirname(directory) != directory:
            directory = os.path.dirname(directory)
            roots.append(directory)
        return roots

    def _find(self, root: str, parts: List[str]) -> Optional[_Module]:
        base = os.path.join(root, *parts)
        return self.modules.get(base + ".py") or self.modules.get(os.path.join(base, "__init__.py"))

    def _member(self, module: _Module, attrs: List[str]) -> Optional[Value]:
        if not attrs:
            return None  # the module itself: stays a name, and its attributes resolve through here
        if len(attrs) > 1:
            return None
        scope = self._scope(module)
        if scope is None:
            return None
        value = scope.names.get(attrs[0])
        return value.get() if isinstance(value, Deferred) else value

    def _scope(self, module: _Module) -> Optional[Scope]:
        if module.state == _NEW:
            module.state = _RUNNING  # an import cycle back to this module resolves to unknown
            module.scope = self._run_import(module)
            module.state = _DONE if module.scope is not None else _BROKEN
        return module.scope if module.state == _DONE else None

    def _run_import(self, module: _Module) -> Optional[Scope]:
        from celint.engine import parse
        from celint.interpreter import BudgetExceeded
        from celint.source import SourceError, read_source

        try:
            source, _ = read_source(module.path)
            tree = parse(source, module.path)
        except (SourceError, ValueError):
            return None
        module.parsed = (source, tree)
        interp = self.interpreter(tree, split_lines(source), module.path)
        interp.module_scope.names["__name__"] = Const(_module_name(module.path))
        try:
            interp.exec_block(tree.body, interp.module_scope)
        except BudgetExceeded:
            pass
        except RecursionError:
            return None
        return interp.module_scope


def _key(path: str) -> str:
    return os.path.normpath(os.path.abspath(path))


def _up(directory: str, levels: int) -> str:
    for _ in range(levels):
        directory = os.path.dirname(directory)
    return directory


def _module_name(path: str) -> str:
    stem = os.path.splitext(os.path.basename(path))[0]
    return os.path.basename(os.path.dirname(path)) if stem == "__init__" else stem


def project_groups(paths: List[str]) -> List[List[str]]:
    """Files that may import one another, grouped by the directory that holds their top package.

    A file in a package (a directory with `__init__.py`) belongs with its outermost package's parent;
    a loose script with its own directory. Groups keep the order of `paths`.
    """
    groups: Dict[str, List[str]] = {}
    present = {_key(p) for p in paths}
    for path in paths:
        directory = os.path.dirname(_key(path))
        while os.path.join(directory, "__init__.py") in present and os.path.dirname(directory) != directory:
            directory = os.path.dirname(directory)
        groups.setdefault(directory, []).append(path)
    return list(groups.values())
