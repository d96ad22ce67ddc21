"""Keras adapter: layers, Sequential / functional / subclassed models, compile and fit."""

from __future__ import annotations

from typing import TYPE_CHECKING, Optional

from celint.events import CompileEvent, FitEvent
from celint.frameworks import CLASS_FAMILIES, METHOD_HANDLERS, REF_HANDLERS, model_output, register
from celint.frameworks.tensors import INPUT, activation_name, axis_kind
from celint.knowledge import keras as K
from celint.knowledge.torch import MODULE_LAYERS, TORCH_SEQUENTIAL
from celint.values import UNKNOWN, BoundMethod, Instance, Layer, MetricObj, ModelVal, Ref, Seq, Value, const_of, int_of

if TYPE_CHECKING:
    from celint.interpreter import Args, Interpreter


def make_layer(interp: "Interpreter", ref: Ref, spec: K.LayerSpec, args: "Args") -> Value:
    at = interp.where(args.node)
    name = const_of(args.get("name"))
    name = name if isinstance(name, str) else None
    if spec.effect == "preserve":
        return Layer(ref.qualname, "preserve", at=at, name=name)
    width: Optional[int] = None
    if spec.width_arg is not None:
        width = int_of(args.get(*spec.width_arg))
    activation = spec.fixed_activation
    activation_at = at
    source = interp.source(args.node)
    if spec.activation_arg is not None:
        value = args.get(*spec.activation_arg)
        activation = activation_name(value)
        node = args.arg_node(*spec.activation_arg)
        if node is not None:
            activation_at = interp.where(node)
            source = interp.source(node)
    explicit, kind = True, "last"
    if spec.axis_arg is not None:
        explicit = args.given(*spec.axis_arg)
        class_axes = (1, -1) if spec.guesses_axis else (-1,)
        kind = axis_kind(explicit, args.get(*spec.axis_arg), class_axes)
    return Layer(ref.qualname, spec.effect, width=width, activation=activation, at=at, activation_at=activation_at,
                 source=source, axis_kind=kind,
                 guessed_axis=spec.guesses_axis and not explicit, name=name)


def _layer_handler(interp: "Interpreter", ref: Ref, args: "Args") -> Value:
    spec = K.LAYERS.get(ref.qualname) or MODULE_LAYERS[ref.qualname]
    return make_layer(interp, ref, spec, args)


def _sequential(interp: "Interpreter", ref: Ref, args: "Args") -> Value:
    framework = "pytorch" if ref.qualname == TORCH_SEQUENTIAL else "keras"
    model = ModelVal(framework, interp.where(args.node), depth=interp.cond_depth)
    if framework == "pytorch":
        model.layers = list(args.pos)
        model.uncertain = args.starred
    else:
        layers = args.get("layers", 0, None)
        if isinstance(layers, Seq):
            model.layers = list(layers.items)
        elif layers is not None:
            model.uncertain = True
    interp.events.models.append(model)
    return model


def _functional(interp: "Interpreter", ref: Ref, args: "Args") -> Value:
    outputs = args.get("outputs", 1, UNKNOWN)
    model = ModelVal("keras", interp.where(args.node), outputs=outputs, depth=interp.cond_depth)
    interp.events.models.append(model)
    return model


def _input(interp: "Interpreter", ref: Ref, args: "Args") -> Value:
    return INPUT


def _graph_mode(interp: "Interpreter", ref: Ref, args: "Args") -> Value:
    interp.events.keras_flavours.add("tf.compat.v1")
    return UNKNOWN


def _metric(interp: "Interpreter", ref: Ref, args: "Args") -> Value:
    escapes = K.THRESHOLD_METRIC_CLASSES[ref.qualname]
    chose = any(k in args.kw and not (k == "from_logits" and const_of(args.kw[k]) is False) for k in escapes)
    return MetricObj(ref.qualname.split(".")[-1] + "()", interp.where(args.node), threshold_at_half=not chose and not args.starred)


def _is_model(value: Value) -> bool:
    return isinstance(value, ModelVal) or (isinstance(value, Instance) and bool(value.cls.family))


def _model_methods(interp: "Interpreter", method: BoundMethod, args: "Args") -> Optional[Value]:
    model = method.receiver
    if not _is_model(model):
        return None
    name = method.name
    where = interp.where(args.node)
    if name == "add" and isinstance(model, ModelVal):
        layer = args.get("layer", 0, UNKNOWN)
        model.layers.append(layer)
        if interp.cond_depth > model.depth:
            model.uncertain = True
        elif isinstance(layer, Layer) and layer.effect == "dense":
            model.uncertain = False  # an unconditional Dense fixes the head whatever came before
        return UNKNOWN
    if name == "pop" and isinstance(model, ModelVal):
        model.uncertain = True
        return UNKNOWN
    if name == "compile":
        interp.events.compiles.append(CompileEvent(model, args.get("loss", 1, UNKNOWN), args.get("metrics", -1, None), where))
        return UNKNOWN
    if name in ("fit", "fit_generator", "train_on_batch"):
        # (y, validation_data, x): x only when y is absent, where it may be a dataset of (x, y) pairs
        x = args.get("x", 0, UNKNOWN) if not args.given("y", 1) else UNKNOWN
        targets = (args.get("y", 1, UNKNOWN), args.get("validation_data", -1, None) or UNKNOWN, x)
        interp.events.fits.append(FitEvent(model, targets, where))
        return UNKNOWN
    if name in ("to", "cuda", "cpu", "train", "eval", "double", "float", "half", "requires_grad_"):
        return model  # torch: returns the module itself
    if name in ("__call__", "call", "forward", "apply"):
        return model_output(interp, model)
    return None


register(_layer_handler, K.LAYERS, MODULE_LAYERS)
register(_metric, K.THRESHOLD_METRIC_CLASSES)
register(_sequential, (K.SEQUENTIAL, TORCH_SEQUENTIAL))
REF_HANDLERS[K.FUNCTIONAL_MODEL] = _functional
register(_input, K.INPUT)
register(_graph_mode, K.GRAPH_MODE_SWITCHES)
CLASS_FAMILIES.update(dict.fromkeys(K.MODEL_BASES, "keras-model"))
METHOD_HANDLERS.append(_model_methods)
