"""Framework adapters: what calling a framework name does to the abstract state.

The interpreter knows no framework. It is given an ordered tuple of adapters (`defaults.py` holds the
one celint runs with) and asks their merged tables (`dispatch.py`) about every call, method, subscript,
operator and loop it cannot follow itself. Importing this package or any module in it registers
nothing anywhere: an adapter is a value (`adapter.py`).

Adapters, one per framework or concern; none imports another:
  keras.py    Keras layers and models, compile / fit, Keras losses, activations and metrics, the Keras API
  torch.py    nn.Module, nn.Sequential and torch layers, torch losses and activations, tensor methods
  tf.py       TF1 dense layers, tf.nn / tf.compat.v1 losses and activations, tf.function
  jax.py      Flax modules and layers, jax.nn / flax.linen activations, optax losses, transforms, TrainState
  manual.py   math written by hand in any array library: exp / sum / log, hand-made softmax and sigmoid
  labels.py   where targets come from: encoders, datasets, loaders, placeholders (`label_values.py`)

Neutral mechanisms the adapters share: `tensors.py` (activations on a tensor's head, reading
arguments), `layers.py` (layer objects, applying them), `models.py` (what a model returns), `losses.py`
(loss objects, applying them), `transforms.py` (jax.grad-like wrappers). Each framework adapter
registers its own rows of the shared loss and activation tables (`celint.knowledge.losses`,
`celint.knowledge.activations`, grouped by framework) with the neutral handlers.
"""
