"""Keras layers, models and metrics, keyed by canonical name."""

from __future__ import annotations

from typing import Dict, NamedTuple, Optional, Tuple


class LayerSpec(NamedTuple):
    effect: str  # "dense": sets width and activation; "activation": applies one; "preserve": keeps both
    width_arg: Optional[Tuple[str, int]] = None  # (keyword, position) of the output width
    activation_arg: Optional[Tuple[str, int]] = None  # (keyword, position) of the activation
    fixed_activation: Optional[str] = None  # Softmax(), Sigmoid layers
    axis_arg: Optional[Tuple[str, int]] = None
    guesses_axis: bool = False  # torch nn.Softmax() without dim


_DENSE = LayerSpec("dense", ("units", 0), ("activation", 1))
_PRESERVE = LayerSpec("preserve")

LAYERS: Dict[str, LayerSpec] = {
    "keras.layers.Dense": _DENSE,
    "keras.layers.Activation": LayerSpec("activation", activation_arg=("activation", 0)),
    "keras.layers.Softmax": LayerSpec("activation", fixed_activation="softmax", axis_arg=("axis", 0)),
    "keras.layers.ReLU": LayerSpec("activation", fixed_activation="relu"),
    "keras.layers.LeakyReLU": LayerSpec("activation", fixed_activation="relu"),
    "keras.layers.ELU": LayerSpec("activation", fixed_activation="elu"),
    "keras.layers.Dropout": _PRESERVE,
    "keras.layers.SpatialDropout1D": _PRESERVE,
    "keras.layers.AlphaDropout": _PRESERVE,
    "keras.layers.GaussianDropout": _PRESERVE,
    "keras.layers.GaussianNoise": _PRESERVE,
    "keras.layers.ActivityRegularization": _PRESERVE,
    "keras.layers.Flatten": _PRESERVE,
    "keras.layers.Reshape": _PRESERVE,
    "keras.layers.Identity": _PRESERVE,
}

SEQUENTIAL = "keras.Sequential"
FUNCTIONAL_MODEL = "keras.Model"
INPUT = ("keras.Input", "keras.layers.InputLayer")
# Calls that put TensorFlow in graph mode, where tf.keras picks the 'accuracy' metric from the loss
# (binary_crossentropy -> binary accuracy) as Keras <= 2.3 did, instead of from the output shape.
GRAPH_MODE_SWITCHES = ("tensorflow.compat.v1.disable_eager_execution", "tensorflow.compat.v1.disable_v2_behavior")
MODEL_BASES = ("keras.Model", "keras.Sequential")  # canonical names: keras.models.Model is keras.Model

# Metrics that turn a probability into a class by comparing with 0.5.
THRESHOLD_METRIC_STRINGS = ("accuracy", "acc", "binary_accuracy")
THRESHOLD_METRIC_CLASSES: Dict[str, Tuple[str, ...]] = {
    # class -> keywords that, when given, mean the user chose the threshold or the logits mode
    "keras.metrics.BinaryAccuracy": ("threshold",),
    "keras.metrics.AUC": ("from_logits", "thresholds"),
    "keras.metrics.Precision": ("thresholds",),
    "keras.metrics.Recall": ("thresholds",),
    "keras.metrics.binary_accuracy": (),
}
