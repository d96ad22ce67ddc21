"""Cross-module analysis: imports of the checked tree's own modules resolve to what those modules define.

Real projects keep the model in `models.py` and the loop in `train.py`. When the CLI checks a tree,
`from .models import Net` / `from models import build_model` / `import models` in one file is resolved
to the class or function that `models.py` defines, so the interpreter can enter it; a softmax at the
end of `Net.forward` then reaches the `CrossEntropyLoss` in `train.py`, and the finding (reported at
the loss) names the head's `file:line`. When the loss is applied in a third module (`engine.py`, called
by train.py with the model and the criterion), the finding is reported there: see `engine.analyse`
and `runner.hand_over`.

Bounded: each imported module is read and parsed once, and interpreted (as an import, with `__name__`
set so its `if __name__ == "__main__":` block is skipped) at most once per checked file, when that file
first uses one of its names; once for the whole run when what it leaves cannot change (see `_immutable`).
An import cycle resolves to nothing (unknown), never to a half-built module.

A function of the tree alone: what a checked file sees of the modules it imports never depends on the
files checked before it (in this process or this worker). Module values are mutable (a file may
`add` a layer to an imported model, or set `net.head`), so imported modules are run afresh for each
checked file, never shared between two; only their parsed trees are, and the runs of modules that
import none of the tree's modules and leave only values nobody can change (constants, functions, classes:
a `config.py`, most of a `models.py`), which every file would rebuild identically. The imports one checked file runs
share one step budget, the size of its own (`IMPORT_STEP_BUDGET_BASE` + 50 per line), so re-running
keeps the work per file bounded however many files import a large module.
"""

from __future__ import annotations

import ast
import os
import re
from typing import TYPE_CHECKING, Callable, Dict, Iterable, List, Optional, Set, Tuple

from celint.records import field_names, is_frozen
from celint.roots import import_roots
from celint.source import split_lines
from celint.values import UNKNOWN, ClassVal, Const, Deferred, FuncVal, Scope, Value

if TYPE_CHECKING:
    from celint.frameworks.adapter import Adapter
    from celint.interpreter import Interpreter

_NEW, _RUNNING, _DONE, _BROKEN = "new", "running", "done", "broken"
_MAX_SHARED_VALUES = 100_000
IMPORT_STEP_BUDGET_BASE = 200_000  # the interpreter's STEP_BUDGET_BASE: imports may cost what the file may
_RELATIVE_IMPORT = re.compile(r"\bfrom\s*\.")
_WORD = re.compile(r"\w+")  # a module name is an identifier: a word, as `\b` delimits it


class _Module:
    def __init__(self, path: str):
        self.path = path  # as the user gave it: findings and labels use this spelling
        self.parsed: Optional[Tuple[str, ast.Module]] = None  # (source, tree) once imported: kept for the run
        self.unreadable = False  # or unparsable: unknown for every file that imports it
        self.shared = False  # its run is kept for every checked file: nothing in it can change
        self.steps = 0  # what its shared run cost: charged to each file that uses it, as if it ran there
        # for the checked file being analysed only (see Project.interpreter)
        self.state = _NEW
        self.scope: Optional[Scope] = None


class Project:
    """The modules of one checked tree, found by file path; nothing outside the tree is ever read."""

    def __init__(
        self,
        paths: Iterable[str],
        adapters: Optional[Tuple[Adapter, ...]] = None,
        texts: Optional[Dict[str, str]] = None,
    ):
        self.adapters = adapters
        # path -> text read instead of the file's (autofix checks a fixed text before writing it)
        self.texts = {
            _key(path): text for path, text in (texts or {}).items()
        }  # for every interpreter run in the tree; None: the interpreter's defaults
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
        self._located: Dict[Tuple[str, str], Optional[Tuple[_Module, List[str]]]] = {}
        self._search_paths: Dict[str, List[str]] = {}  # importer's directory -> where its names are looked for
        # what the checked file being analysed has run of the tree: reset for each checked file
        self._run: List[_Module] = []  # modules it ran (or is running), not shared
        self._file_sources: List[int] = []  # its entries in `sources`
        self._shared_used: Dict[int, bool] = {}  # id(shared module) -> within its import budget
        self._reached_tree: Set[int] = set()  # id() of import runs in progress that resolved one of the tree's names
        self._running: List[Interpreter] = []  # import runs in progress, outermost first
        self._import_steps_left = 0

    def may_import_own_module(self, source: str) -> bool:
        """Cheap and sound: False only when `source` cannot import one of the tree's modules. A file without
        a single loss name can still hold a finding when its loss and model come from sibling modules,
        so the prefilter lets such files through. Linear in the file, whatever the size of the tree: its
        words are looked up in the set of module names (one regex alternating 50,000 names, run on each of
        50,000 files, was most of the run)."""
        if not self.names or "import" not in source:
            return False
        if _RELATIVE_IMPORT.search(source):
            return True
        return not self.names.isdisjoint(_WORD.findall(source))

    def parsed_tree(self, path: str, source: str) -> Optional[ast.Module]:
        """The tree of `path` if an import already parsed this very text: checking it then parses nothing."""
        module = self.modules.get(_key(path))
        if module is None or module.parsed is None or module.parsed[0] != source:
            return None
        return module.parsed[1]

    # ----- interpreters for the tree's files -------------------------------------------------
    def interpreter(self, tree: ast.Module, lines: List[str], path: str) -> Interpreter:
        """The interpreter for one checked file: nothing that an earlier checked file ran is reused."""
        for module in self._run:
            if not module.shared:
                module.state, module.scope = _NEW, None
        for key in self._file_sources:
            self.sources.pop(key, None)
        self._run, self._file_sources, self._shared_used = [], [], {}
        self._import_steps_left = IMPORT_STEP_BUDGET_BASE + 50 * len(lines)
        return self._interpreter(tree, lines, path)

    def _interpreter(self, tree: ast.Module, lines: List[str], path: str) -> Interpreter:
        from celint.interpreter import Interpreter

        if self.adapters is None:
            interp = Interpreter(tree, lines, path)
        else:
            interp = Interpreter(tree, lines, path, self.adapters)
        interp.resolve_external = self.resolver(path)
        interp.foreign = self.sources
        self.sources[id(interp.module_scope)] = (lines, path)
        self._file_sources.append(id(interp.module_scope))
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
        if found is not None and self._running:
            self._reached_tree.add(id(self._running[-1]))  # its result may depend on the order of the runs
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
        """Where a top-level name is looked for, nearest first: a script's own directory (flat layouts),
        each parent up to the tree's top, then the directories on the implicit sys.path that may lie
        above the tree's top (`mnist/train.py` importing `mnist.nets.models`): the parent of the top
        package and the project root (`celint.roots`, looked up on disk once per directory)."""
        roots = self._search_paths.get(directory)
        if roots is None:
            roots = [directory]
            here = directory
            while here != self.top and here.startswith(self.top) and os.path.dirname(here) != here:
                here = os.path.dirname(here)
                roots.append(here)
            roots.extend(root for root in import_roots(directory) if root not in roots)
            self._search_paths[directory] = roots
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
        if module.shared:
            affordable = self._shared_used.get(id(module))
            if affordable is None:  # first use in this file: charged as if it ran here
                affordable = self._shared_used[id(module)] = self._charge(module.steps)
            return module.scope if affordable else None
        if module.state == _NEW:
            module.state = _RUNNING  # an import cycle back to this module resolves to unknown
            self._run.append(module)
            module.scope = self._run_import(module)
            module.state = _DONE if module.scope is not None else _BROKEN
        return module.scope if module.state == _DONE else None

    def _run_import(self, module: _Module) -> Optional[Scope]:
        from celint.engine import parse
        from celint.interpreter import BudgetExceeded
        from celint.source import SourceError, read_source

        if module.parsed is None:
            if module.unreadable:
                return None
            try:
                text = self.texts.get(_key(module.path))  # a fixed text not written yet (--fix)
                source = text if text is not None else read_source(module.path)[0]
                module.parsed = (source, parse(source, module.path))
            except (SourceError, ValueError):
                module.unreadable = True
                return None
        source, tree = module.parsed
        interp = self._interpreter(tree, split_lines(source), module.path)
        interp.module_scope.names["__name__"] = Const(_module_name(module.path))
        # the imports of one checked file share its import budget, nested ones included
        interp.step_budget = min(interp.step_budget, self._import_steps_left - self._steps_running())
        self._running.append(interp)
        try:
            interp.exec_block(tree.body, interp.module_scope)
        except (BudgetExceeded, RecursionError):
            return None  # a module cut short is unknown: what a cut leaves would depend on the file
        finally:
            self._running.pop()
            self._charge(interp.steps)
            reached_tree = id(interp) in self._reached_tree
            self._reached_tree.discard(id(interp))
        if not reached_tree and self._immutable(interp.module_scope, module):
            module.shared, module.steps = True, interp.steps  # kept: every file would build exactly this
            self._shared_used[id(module)] = True
            self._file_sources.remove(id(interp.module_scope))
        return interp.module_scope

    def _immutable(self, scope: Scope, module: _Module) -> bool:
        """Whether nothing a module leaves can change or depend on the file that imported it: constants and
        frozen values, and functions and classes defined at its top level. An instance, a model, a name
        that may still resolve to one of the tree's modules: no. Bounded: a module that leaves very much is
        not shared."""
        directory = os.path.dirname(_key(module.path))
        pending: List[object] = list(scope.names.values())
        seen: Set[int] = set()
        while pending:
            value = pending.pop()
            if id(value) in seen:
                continue
            seen.add(id(value))
            if len(seen) > _MAX_SHARED_VALUES:
                return False
            if isinstance(value, tuple):
                pending.extend(value)
            elif isinstance(value, (FuncVal, ClassVal)):
                if value.scope is not scope or (isinstance(value, FuncVal) and value.bound_self is not None):
                    return False  # a closure, or a method bound to an object
            elif isinstance(value, Deferred):
                if self._locate(directory, value.qualname) is not None:
                    return False  # resolved later, by whichever file uses it first
            elif isinstance(value, Value):
                if is_frozen(value):
                    pending.extend(getattr(value, name) for name in field_names(value))
                elif value is not UNKNOWN:
                    return False  # instances, models, placeholders: a file may change them
        return True

    def _charge(self, steps: int) -> bool:
        """Take `steps` from this file's import budget (and from the runs in progress); False when short."""
        enough = steps <= self._import_steps_left - self._steps_running()
        self._import_steps_left -= steps
        for outer in self._running:
            outer.step_budget = min(outer.step_budget, outer.steps + self._import_steps_left - self._steps_running())
        return enough

    def _steps_running(self) -> int:
        return sum(running.steps for running in self._running)


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
