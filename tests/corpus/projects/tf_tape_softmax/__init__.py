"""TF2 project: model.py builds a Keras model whose last Dense has
activation="softmax"; train.py (via `from .model import build_classifier`) feeds it to
tf.nn.softmax_cross_entropy_with_logits inside a GradientTape. BUG (CE101) in train.py.
"""
