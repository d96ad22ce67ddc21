"""Keras adapter: layers, Sequential / functional / subclassed models, compile and fit, Keras losses,
activations and metrics, and which Keras the imports name.

Its loss and activation rows are the Keras groups of `celint.knowledge.losses` / `.activations`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Optional

from celint.events import CompileEvent, FitEvent
from celint.facts import Framework, KerasApi
from celint.frameworks.adapter import Adapter, ModelFamily, for_names
from celint.frameworks.layers import make_layer
from celint.frameworks.losses import loss_named, options_written, partial_of
from celint.frameworks.models import is_model, model_output
from celint.frameworks.tensors import INPUT, activation_named
from celint.knowledge import keras as K
from celint.knowledge.activations import KERAS_ACTIVATIONS
from celint.knowledge.losses import KERAS_LOSSES
from celint.values import UNKNOWN, BoundMethod, FuncVal, Layer, MetricObj, ModelVal, Ref, Seq, Value, const_of

if TYPE_CHECKING:
    from celint.calls import Args
    from celint.machine import Machine

KERAS_MODEL = ModelFamily("keras-model", forward=("call",))

# The Keras an imported top-level module means when nothing else says (see extract: the API version).
_IMPORTED_API = {"keras": KerasApi.KERAS, "tf_keras": KerasApi.TF_KERAS, "tensorflow": KerasApi.TF_KERAS}


def _layer(interp: Machine, ref: Ref, args: Args) -> Value:
    return make_layer(interp, ref, K.LAYERS[ref.qualname], args)


def _sequential(interp: Machine, ref: Ref, args: Args) -> Value:
    model = ModelVal(Framework.KERAS, interp.where(args.node), depth=interp.cond_depth)
    layers = args.get("layers", 0, None)
    if isinstance(layers, Seq):
        model.layers = list(layers.items)
    elif layers is not None:
        model.uncertain = True
    interp.events.models.append(model)
    return model


def _functional(interp: Machine, ref: Ref, args: Args) -> Value:
    outputs = args.get("outputs", 1, UNKNOWN)
    model = ModelVal(Framework.KERAS, interp.where(args.node), outputs=outputs, depth=interp.cond_depth)
    interp.events.models.append(model)
    return model


def _input(interp: Machine, ref: Ref, args: Args) -> Value:
    return INPUT


def _lambda_layer(interp: Machine, ref: Ref, args: Args) -> Value:
    """`Lambda(lambda t: t)`, `Lambda(lambda t: tf.cast(t, "float32"))`: applying it runs the function."""
    function = args.get("function", 0, UNKNOWN)
    return function if isinstance(function, FuncVal) else UNKNOWN


def _graph_mode(interp: Machine, ref: Ref, args: Args) -> Value:
    interp.events.keras_apis.add(KerasApi.TF_COMPAT_V1)
    return UNKNOWN


def _precision_policy(interp: Machine, ref: Ref, args: Args) -> Value:
    """`mixed_precision.set_global_policy("mixed_float16")`, also given a `Policy("mixed_float16")`."""
    policy = const_of(args.get("policy", 0, UNKNOWN))
    if isinstance(policy, str) and policy in K.MIXED_POLICIES:
        interp.events.mixed_precision = True
    return UNKNOWN


def _policy(interp: Machine, ref: Ref, args: Args) -> Value:
    """`Policy("mixed_float16")` stands for its name, which is all `set_global_policy` reads."""
    name = args.get("name", 0, UNKNOWN)
    return name if isinstance(const_of(name), str) else UNKNOWN


def _metric(interp: Machine, ref: Ref, args: Args) -> Value:
    escapes = K.THRESHOLD_METRIC_CLASSES[ref.qualname]
    chose = any(k in args.kw and not (k == "from_logits" and const_of(args.kw[k]) is False) for k in escapes)
    return MetricObj(
        ref.qualname.split(".")[-1] + "()", interp.where(args.node), threshold_at_half=not chose and not args.starred
    )


def _model_methods(interp: Machine, method: BoundMethod, args: Args) -> Optional[Value]:
    """`model.add(layer)`, `model.compile(loss=...)`, `model.fit(x, y)`, `model.call(x)` on any model."""
    model = method.receiver
    if not is_model(model):
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
        eager = const_of(args.get("run_eagerly", -1, UNKNOWN)) is True
        interp.events.compiles.append(
            CompileEvent(
                model,
                args.get("loss", 1, UNKNOWN),
                args.get("metrics", -1, None),
                where,
                interp.events.now(),
                eager=eager,
            )
        )
        return UNKNOWN
    if name in ("fit", "fit_generator", "train_on_batch"):
        # (y, validation_data, x): x only when y is absent, where it may be a dataset of (x, y) pairs
        x = args.get("x", 0, UNKNOWN) if not args.given("y", 1) else UNKNOWN
        targets = (args.get("y", 1, UNKNOWN), args.get("validation_data", -1, None) or UNKNOWN, x)
        options = options_written(interp, args, K.FIT_OPTIONS)
        interp.events.fits.append(FitEvent(model, targets, where, interp.events.now(), options))
        return UNKNOWN
    if name in ("__call__", "call"):
        return model_output(interp, model)
    return None


def _note_api(interp: Machine, module: str) -> None:
    """`import keras` / `from tensorflow import keras` / `import tf_keras`: which Keras the file uses."""
    api = _IMPORTED_API.get(module.split(".")[0])
    if api is not None:
        interp.events.keras_apis.add(api)


ADAPTER = Adapter(
    name="keras",
    calls={
        **for_names(_layer, K.LAYERS),
        **for_names(_metric, K.THRESHOLD_METRIC_CLASSES),
        K.SEQUENTIAL: _sequential,
        K.FUNCTIONAL_MODEL: _functional,
        **for_names(_input, K.INPUT),
        K.LAMBDA: _lambda_layer,
        **for_names(_graph_mode, K.GRAPH_MODE_SWITCHES),
        **for_names(_precision_policy, K.PRECISION_POLICY_SETTERS),
        **for_names(_policy, K.PRECISION_POLICIES),
        **for_names(loss_named, KERAS_LOSSES),
        **partial_of(KERAS_LOSSES),
        **for_names(activation_named, KERAS_ACTIVATIONS),
    },
    methods=(_model_methods,),
    families=dict.fromkeys(K.MODEL_BASES, KERAS_MODEL),
    import_observers=(_note_api,),
)
