"""A user-defined activation called `softmax` that actually computes log-softmax,
used with a loss that has from_logits=True.

CORRECT for the linter: `softmax` here is the file's own function, not keras's; the
engine must not treat it as the Keras softmax (and log-softmax outputs are valid
logits for from_logits=True).
"""
import numpy as np
import tensorflow as tf
from tensorflow.keras import layers


def softmax(x):
    return x - tf.reduce_logsumexp(x, axis=-1, keepdims=True)


x = np.random.rand(3000, 50).astype("float32")
y = np.random.randint(0, 10, size=(3000,))

model = tf.keras.Sequential([
    layers.Input(shape=(50,)),
    layers.Dense(64, activation="relu"),
    layers.Dense(10, activation=softmax),
])
model.compile(
    optimizer="adam",
    loss=tf.keras.losses.SparseCategoricalCrossentropy(from_logits=True),
    metrics=["accuracy"],
)
model.fit(x, y, epochs=5, batch_size=32)
