"""Keras layers, models and metrics, keyed by canonical name."""

from __future__ import annotations

from typing import Dict, Tuple

from celint.facts import SOFTMAX, Activation
from celint.knowledge.rows import PRESERVE, RESHAPE, LayerSpec

DENSE = LayerSpec(effect="dense", width_arg=("units", 0), activation_arg=("activation", 1))

LAYERS: Dict[str, LayerSpec] = {
    "keras.layers.Dense": DENSE,
    "keras.layers.Activation": LayerSpec(effect="activation", activation_arg=("activation", 0)),
    "keras.layers.Softmax": LayerSpec(effect="activation", fixed_activation=SOFTMAX, axis_arg=("axis", 0)),
    "keras.layers.ReLU": LayerSpec(effect="activation", fixed_activation=Activation.RELU),
    "keras.layers.LeakyReLU": LayerSpec(effect="activation", fixed_activation=Activation.RELU),
    "keras.layers.ELU": LayerSpec(effect="activation", fixed_activation=Activation.ELU),
    "keras.layers.Dropout": PRESERVE,
    "keras.layers.SpatialDropout1D": PRESERVE,
    "keras.layers.AlphaDropout": PRESERVE,
    "keras.layers.GaussianDropout": PRESERVE,
    "keras.layers.GaussianNoise": PRESERVE,
    "keras.layers.ActivityRegularization": PRESERVE,
    "keras.layers.Flatten": RESHAPE,
    "keras.layers.Reshape": LayerSpec(effect="reshape", width_arg=("target_shape", 0)),
    "keras.layers.Permute": RESHAPE,
    "keras.layers.Identity": PRESERVE,
}

SEQUENTIAL = "keras.Sequential"
LAMBDA = "keras.layers.Lambda"
FUNCTIONAL_MODEL = "keras.Model"
INPUT = ("keras.Input", "keras.layers.InputLayer")
# Calls that put TensorFlow in graph mode, where tf.keras picks the 'accuracy' metric from the loss
# (binary_crossentropy -> binary accuracy) as Keras <= 2.3 did, instead of from the output shape.
GRAPH_MODE_SWITCHES = ("tensorflow.compat.v1.disable_eager_execution", "tensorflow.compat.v1.disable_v2_behavior")
# A mixed-precision policy casts the head's output to float32 before the loss, so the TF backend finds no
# `_keras_logits` tag on it and cannot undo a softmax/sigmoid fed to a logits-free loss.
PRECISION_POLICY_SETTERS = (
    "keras.mixed_precision.set_global_policy",
    "keras.mixed_precision.set_dtype_policy",
    "keras.mixed_precision.experimental.set_policy",
    "keras.config.set_dtype_policy",
)
PRECISION_POLICIES = (
    "keras.mixed_precision.Policy",
    "keras.mixed_precision.DTypePolicy",
    "keras.DTypePolicy",
    "keras.mixed_precision.experimental.Policy",
)
MIXED_POLICIES = ("mixed_float16", "mixed_bfloat16")
FIT_OPTIONS = frozenset({"class_weight", "sample_weight"})  # what fit() adds to the loss
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

# A snippet pasted without its imports (celint.implicit): a bare `Sequential(...)` / `Model(...)` given
# `.add` / `.compile` calls is Keras, and so are the unbound names of these modules' table rows...
IMPLICIT_MODEL_CLASSES = frozenset({"Sequential", "Model"})
IMPLICIT_MODULES = ("keras.layers", "keras.models", "keras", "keras.losses", "keras.metrics", "keras.utils")
# ... unless the file imports another framework that has classes of those names.
OTHER_FRAMEWORKS = frozenset(
    {
        "torch",
        "torchvision",
        "jax",
        "flax",
        "haiku",
        "equinox",
        "objax",
        "trax",
        "mxnet",
        "gluon",
        "chainer",
        "paddle",
        "tflearn",
        "lasagne",
        "sonnet",
        "tensorlayer",
        "cntk",
        "mindspore",
        "oneflow",
        "dynet",
    }
)
