"""Calls for the interpreter: user functions (arguments and defaults bound), classes, module objects.

A part of `celint.interpreter.Interpreter` (see `celint.machine`); calls of anything else go to the
adapters' dispatch.
"""

from __future__ import annotations

import ast
from typing import Dict, List, Optional, overload

from celint.facts import Where
from celint.machine import Machine
from celint.values import (
    UNKNOWN,
    ClassVal,
    Const,
    FuncVal,
    Instance,
    Scope,
    Value,
)

MAX_CALL_DEPTH = 10
MAX_CALLS_PER_FUNCTION = 24  # a function entered more often than this returns UNKNOWN
# Cross-module analysis enters other modules' functions (a model class from models.py). Real projects
# need a level or two; a package whose modules all import each other (torch itself) would otherwise
# have every file re-run half the package: 17x the single-file cost on keras+torch.
MAX_FOREIGN_DEPTH = 2  # nested frames of other modules' code in one call chain
FOREIGN_STEP_BUDGET = 2_000  # steps one checked file may spend inside other modules' code


class Args:
    """The evaluated arguments of one call, looked up by keyword or position."""

    def __init__(self, node: ast.Call, pos: List[Value], kw: Dict[str, Value], starred: bool):
        self.node = node
        self.pos = pos
        self.kw = kw
        self.starred = starred  # *args / **kwargs: absent arguments are unknown, not defaults

    @overload
    def get(self, keyword: str, position: int = -1, default: None = None) -> Optional[Value]: ...

    @overload
    def get(self, keyword: str, position: int, default: Value) -> Value: ...

    def get(self, keyword: str, position: int = -1, default: Optional[Value] = None) -> Optional[Value]:
        """The argument, or UNKNOWN when *args / **kwargs may hold it, or `default` when it is absent."""
        if keyword and keyword in self.kw:
            return self.kw[keyword]
        if 0 <= position < len(self.pos):
            return self.pos[position]
        return UNKNOWN if self.starred else default

    def given(self, keyword: str, position: int = -1) -> bool:
        return (keyword in self.kw) or (0 <= position < len(self.pos)) or self.starred

    def keyword_node(self, keyword: str) -> Optional[ast.keyword]:
        for kw in self.node.keywords:
            if kw.arg == keyword:
                return kw
        return None

    def arg_node(self, keyword: str, position: int = -1) -> Optional[ast.AST]:
        kw = self.keyword_node(keyword)
        if kw is not None:
            return kw.value
        if 0 <= position < len(self.node.args):
            return self.node.args[position]
        return None


class Calls(Machine):
    def call(self, func: Value, args: Args) -> Value:
        if not self.foreign_depth:
            self.entry_call = args.node  # the checked file's own call: where other modules' code is entered
        if isinstance(func, (FuncVal, Instance)):
            # the call site and its arguments, for a finding inside the function to name where its value came from
            self.calls_running.append((self.where(args.node), (*args.pos, *args.kw.values())))
            try:
                if isinstance(func, FuncVal):
                    return self.call_function(func, args.pos, args.kw, args.starred)
                return self.call_instance(func, args)
            finally:
                self.calls_running.pop()
        if isinstance(func, ClassVal):
            return self.instantiate(func, args.pos, args.kw, args.starred, args.node)
        return self.dispatch.call(self, func, args)

    def call_instance(self, instance: Instance, args: Args) -> Value:
        """Calling a module / model object runs its forward (`forward`, `call`...), else its __call__."""
        family = instance.cls.family
        for name in family.forward if family is not None else ("__call__",):
            method = self.find_method(instance.cls, name)
            if method is not None:
                return self.call_function(
                    FuncVal(method, instance.cls.scope, bound_self=instance), args.pos, args.kw, args.starred
                )
        return UNKNOWN

    def instantiate(self, cls: ClassVal, pos: List[Value], kw: Dict[str, Value], starred: bool, node: ast.AST) -> Value:
        instance = Instance(cls, at=self.where(node), conditions=self.outer_cond + self.cond_depth)
        init = self.find_method(cls, "__init__")
        if init is not None:
            self.call_function(FuncVal(init, cls.scope, bound_self=instance), pos, kw, starred)
        elif cls.family is not None and cls.family.dataclass_fields:
            # dataclass-style fields given as keywords: Model(num_classes=10)
            for key, value in kw.items():
                instance.attrs[key] = value
            self.bind_dataclass_defaults(cls, instance, pos)
        if cls.family is not None:
            self.events.models.append(instance)
        return instance

    def bind_dataclass_defaults(self, cls: ClassVal, instance: Instance, pos: List[Value]) -> None:
        fields = [
            (s.target.id, s.value)
            for s in cls.node.body
            if isinstance(s, ast.AnnAssign) and isinstance(s.target, ast.Name)
        ]
        for index, (name, default) in enumerate(fields):
            if name in instance.attrs:
                continue
            if index < len(pos):
                instance.attrs[name] = pos[index]
            elif default is not None:
                instance.attrs[name] = self.eval(default, cls.scope)

    def call_function(self, func: FuncVal, pos: List[Value], kw: Dict[str, Value], starred: bool) -> Value:
        node = func.node
        key = id(node)
        self.executed.add(key)
        count = self.call_counts.get(key, 0)
        if self.depth >= MAX_CALL_DEPTH or count >= MAX_CALLS_PER_FUNCTION:
            return UNKNOWN
        if self.foreign_depth and self.foreign_spent() >= FOREIGN_STEP_BUDGET:
            return UNKNOWN
        self.call_counts[key] = count + 1
        if self.foreign:
            return self.call_foreign(func, pos, kw, starred)
        return self.enter_function(func, pos, kw, starred)

    def foreign_spent(self) -> int:
        running = self.steps - self.foreign_entered_at if self.foreign_depth else 0
        return self.foreign_steps + running

    def call_foreign(self, func: FuncVal, pos: List[Value], kw: Dict[str, Value], starred: bool) -> Value:
        """Run a function with positions reported in the module that defines it."""
        root = func.scope
        while root.parent is not None:
            root = root.parent
        module = self.foreign.get(id(root))
        if module is None or module[1] == self.path:
            return self.enter_function(func, pos, kw, starred)
        if self.foreign_depth >= MAX_FOREIGN_DEPTH:
            return UNKNOWN
        entered = self.foreign_depth == 0
        if entered:
            self.foreign_entered_at = self.steps
            via = self.where(self.entry_call) if self.entry_call is not None else None
            seen = len(self.events.applications), len(self.events.compiles)
        saved = self.lines, self.path
        self.lines, self.path = module
        self.foreign_depth += 1
        try:
            return self.enter_function(func, pos, kw, starred)
        finally:
            self.foreign_depth -= 1
            self.lines, self.path = saved
            if entered:
                self.foreign_steps += self.steps - self.foreign_entered_at
                self.stamp_entry(via, *seen)

    def stamp_entry(self, via: Optional[Where], applications: int, compiles: int) -> None:
        """Losses applied or compiled in other modules' code during one call from the checked file
        remember that call: the finding goes to the module applying the loss and names the call."""
        for event in self.events.applications[applications:] + self.events.compiles[compiles:]:
            if event.via is None and event.at.path != self.path:
                event.via = via

    def enter_function(self, func: FuncVal, pos: List[Value], kw: Dict[str, Value], starred: bool) -> Value:
        node = func.node
        scope = Scope(parent=func.scope)
        self.bind_params(node.args, func, pos, kw, starred, scope)
        saved_cond = self.cond_depth
        traced = id(node) in self.events.traced_functions
        self.depth += 1
        self.traced_depth += traced
        self.outer_cond += saved_cond
        self.cond_depth = 0  # conditions are relative to the function being run
        try:
            if isinstance(node, ast.Lambda):
                return self.eval(node.body, scope)
            returns: List[Value] = []
            scope.returns = returns
            self.exec_block(node.body, scope)
            if not returns:
                return Const(None)
            result = returns[0]
            for other in returns[1:]:
                result = self.dispatch.merge(self, result, other, self.tick)  # `return NetA()` / `return NetB()`
            return result
        finally:
            self.depth -= 1
            self.traced_depth -= traced
            self.outer_cond -= saved_cond
            self.cond_depth = saved_cond

    def bind_params(
        self, params: ast.arguments, func: FuncVal, pos: List[Value], kw: Dict[str, Value], starred: bool, scope: Scope
    ) -> None:
        positional = list(getattr(params, "posonlyargs", [])) + list(params.args)
        values = list(pos)
        if func.bound_self is not None and positional:
            scope.names[positional[0].arg] = func.bound_self
            positional = positional[1:]
        defaults: List[Optional[ast.expr]] = [None] * (len(positional) - len(params.defaults))
        defaults.extend(params.defaults)
        for index, param in enumerate(positional):
            if index < len(values):
                scope.names[param.arg] = values[index]
            elif param.arg in kw:
                scope.names[param.arg] = kw[param.arg]
            elif starred:
                scope.names[param.arg] = UNKNOWN
            elif defaults[index] is not None:
                scope.names[param.arg] = self.eval(defaults[index], func.scope)
            else:
                scope.names[param.arg] = UNKNOWN
        for param, default in zip(params.kwonlyargs, params.kw_defaults):
            if param.arg in kw:
                scope.names[param.arg] = kw[param.arg]
            elif default is not None and not starred:
                scope.names[param.arg] = self.eval(default, func.scope)
            else:
                scope.names[param.arg] = UNKNOWN
        if params.vararg:
            scope.names[params.vararg.arg] = UNKNOWN
        if params.kwarg:
            scope.names[params.kwarg.arg] = UNKNOWN
