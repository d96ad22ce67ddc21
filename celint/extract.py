"""From what the interpreter observed to framework-agnostic facts (`celint.facts`)."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, AbstractSet, Dict, Iterator, List, Optional, Set, Tuple

from celint.events import CompileEvent, Events
from celint.facts import LOGITS, FileFacts, Framework, Head, KerasApi, LossOption, LossUse, Metric, Targets, Where
from celint.frameworks.label_values import fit_targets, targets_of
from celint.frameworks.losses import as_loss
from celint.frameworks.models import model_output as _model_output
from celint.knowledge.keras import THRESHOLD_METRIC_STRINGS
from celint.knowledge.losses import LOSSES
from celint.records import replace
from celint.values import UNKNOWN, DictVal, Literal, LossObj, MetricObj, Seq, Tensor, Value, const_of

if TYPE_CHECKING:
    from celint.interpreter import Interpreter

__all__ = ["extract", "heads_of", "keras_api", "model_output"]


def extract(events: Events, interp: Interpreter) -> FileFacts:
    """Facts for one module. Heads of uncompiled models are listed too (a 1-unit softmax is wrong anyway)."""
    heads: List[Head] = []
    for model in list(events.models):
        heads.extend(head for _, head in heads_of(model_output(interp, model)))
    uses: List[LossUse] = []
    api = keras_api(events.keras_apis)
    for compile_event in events.compiles:
        uses.extend(_compiled_uses(interp, compile_event, api, events))
    places = [use.at for use in uses]  # where each use's loss object is defined
    # a helper applying the loss is analysed on its own and again from the @tf.function calling it
    traced_at = {application.at for application in events.applications if application.traced}
    for application in events.applications:
        predictions = application.predictions
        head = predictions.head if isinstance(predictions, Tensor) else None
        if (
            isinstance(predictions, Tensor)
            and predictions.over_batch is not None
            and application.loss.expects == LOGITS
        ):
            head = predictions.over_batch  # probabilities over the batch axis are not logits either
        uses.append(
            _use(
                application.loss,
                head,
                (),
                targets_of(application.targets),
                at=application.at,
                call_site=application.call_site,
                via=application.via,
                traced=True if application.at in traced_at else None,
            )
        )
        places.append(application.loss.at)
    uses = _with_sharing(uses, places, heads, interp.lines, interp.path)
    if events.mixed_precision:  # the policy is global: every Keras model built after it (the usual order)
        uses = [replace(use, mixed_precision=True) if use.framework == Framework.KERAS else use for use in uses]
    heads = [_served(head, heads, uses) for head in heads]
    return FileFacts(
        uses=tuple(uses), heads=tuple(heads), activations=tuple(events.activations), logs=tuple(events.logs)
    )


def _with_sharing(
    uses: List[LossUse], places: List[Where], heads: List[Head], lines: List[str], path: str
) -> List[LossUse]:
    """Each use with how many different heads its loss object serves, its head with how many outputs
    its definition serves, and whether its from_logits is a literal: a fix may edit only code that
    serves this one finding."""
    keys = [use.from_logits_at or place for use, place in zip(uses, places)]
    served: Dict[Where, Set[object]] = {}
    for use, key in zip(uses, keys):
        served.setdefault(key, set()).add(_verdict(use.head))
    shared = []
    for use, key in zip(uses, keys):
        head = _served(use.head, heads, uses) if use.head is not None else None
        shared.append(
            replace(
                use,
                head=head,
                serves=len(served[key]),
                from_logits_literal=_literal_at(use.from_logits_at, lines, path),
            )
        )
    return shared


def _verdict(head: Optional[Head]) -> object:
    """What a fix's rightness depends on: two heads alike in activation and width take the same fix."""
    return None if head is None else (head.activation, head.width)


def _served(head: Head, heads: List[Head], uses: List[LossUse]) -> Head:
    places = {p for p in (head.activation_at, head.width_at) if p is not None}
    if not places:
        return head
    alike = {
        _verdict(other)
        for other in [*heads, *(u.head for u in uses if u.head is not None)]
        if other.activation_at in places or other.width_at in places
    }
    return replace(head, serves=max(1, len(alike)))


def _literal_at(at: Optional[Where], lines: List[str], path: str) -> bool:
    """The from_logits argument at `at` reads True or False (not a constant defined elsewhere); an
    argument in another module is not read (no fix edits another module)."""
    if at is None or at.path != path or not 1 <= at.line <= len(lines):
        return at is None
    return _TRUE_OR_FALSE.match(lines[at.line - 1], at.col) is not None


_TRUE_OR_FALSE = re.compile(r"(?:from_logits\s*=\s*)?(?:True|False)\b")


def keras_api(seen: AbstractSet[KerasApi]) -> KerasApi:
    """The Keras a compiled model comes from: graph mode if switched on, plain Keras if only it is imported."""
    if KerasApi.TF_COMPAT_V1 in seen:
        return KerasApi.TF_COMPAT_V1
    return KerasApi.KERAS if seen == {KerasApi.KERAS} else KerasApi.TF_KERAS


def model_output(interp: Interpreter, model: Value) -> Value:
    """A model's outputs, or UNKNOWN when running its forward would exceed the file's step budget."""
    from celint.interpreter import BudgetExceeded

    try:
        return _model_output(interp, model)
    except BudgetExceeded:
        return UNKNOWN


def heads_of(outputs: Value) -> List[Tuple[Optional[str], Head]]:
    """(name, head) for each output of a model: a tensor, a list of tensors or a dict of them."""
    if isinstance(outputs, Tensor):
        return [(outputs.head.name, outputs.head)]
    if isinstance(outputs, Seq):
        return [(item.head.name, item.head) for item in outputs.items if isinstance(item, Tensor)]
    if isinstance(outputs, DictVal):
        named: List[Tuple[Optional[str], Head]] = []
        for key, item in outputs.items:
            name = const_of(key)
            if isinstance(item, Tensor) and isinstance(name, str):
                named.append((name, item.head))
        return named
    return []


def _compiled_uses(interp: Interpreter, event: CompileEvent, api: KerasApi, events: Events) -> Iterator[LossUse]:
    outputs = model_output(interp, event.model)
    heads = heads_of(outputs)
    if not heads:
        return
    # the targets every fit() of this model passes; with several outputs y is split per head: not followed
    targets = fit_targets(events.fits, event.model, event.when) if len(heads) == 1 else None
    metrics = _metrics(event.metrics)
    options = _fit_options(events, event)
    for index, (name, head) in enumerate(heads):
        loss = _loss_for(event.loss, name, index, len(heads))
        if isinstance(loss, LossObj):
            use = _use(loss, head, metrics, targets, api=api, via=event.via)
            yield replace(use, options=use.options + options, traced=not event.eager)


def _fit_options(events: Events, event: CompileEvent) -> Tuple[LossOption, ...]:
    """class_weight= / sample_weight= of the fits that train this compiled model; an option the fits set
    differently is kept as written by the first, with its value unknown."""
    found: Dict[str, LossOption] = {}
    for fit in events.fits:
        if fit.model is not event.model or not event.when.precedes(fit.when):
            continue
        for option in fit.options:
            first = found.setdefault(option.name, option)
            if first.value != option.value or not option.known:
                found[option.name] = replace(first, value=None, known=False)
    return tuple(found.values())


def _loss_for(losses: Value, name: Optional[str], index: int, count: int) -> Value:
    """Keras applies one loss to every output, a dict by output name, a list by position."""
    if isinstance(losses, DictVal):
        return as_loss(losses.get(name)) if name is not None else UNKNOWN
    if isinstance(losses, Seq):
        return as_loss(losses.items[index]) if len(losses.items) == count else UNKNOWN
    return as_loss(losses)


def _metrics(value: Optional[Value]) -> Tuple[Metric, ...]:
    items: Tuple[Value, ...] = ()
    if isinstance(value, Seq):
        items = value.items
    elif isinstance(value, (Literal, MetricObj)):
        items = (value,)
    found = []
    for item in items:
        if isinstance(item, Literal) and item.value in THRESHOLD_METRIC_STRINGS:
            found.append(Metric(repr(item.value), item.at, True, by_name=str(item.value)))
        elif isinstance(item, MetricObj):
            found.append(Metric(item.name, item.at, item.threshold_at_half))
    return tuple(found)


def _use(
    loss: LossObj,
    head: Optional[Head],
    metrics: Tuple[Metric, ...],
    targets: Optional[Targets],
    at: Optional[Where] = None,
    api: Optional[KerasApi] = None,
    call_site: Optional[Where] = None,
    via: Optional[Where] = None,
    traced: Optional[bool] = None,
) -> LossUse:
    return LossUse(
        framework=loss.framework,
        kind=loss.kind,
        expects=loss.expects,
        name=_short_name(loss),
        at=at or loss.at,
        head=head,
        targets=targets,
        api_version=api,
        metrics=metrics,
        from_logits_at=loss.from_logits_at,
        probability_targets=loss.qualname in LOSSES and LOSSES[loss.qualname].probability_targets,
        call_site=call_site,
        options=loss.options,
        reached_from=via,
        traced=traced,
    )


def _short_name(loss: LossObj) -> str:
    if loss.name.startswith(("'", '"')):
        return loss.name.strip("'\"")
    short = loss.qualname.split(".")[-1]
    return short + "()" if short[:1].isupper() else short
