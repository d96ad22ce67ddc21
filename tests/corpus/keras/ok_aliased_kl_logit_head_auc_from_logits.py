"""Aliased layers module (`import tensorflow.keras.layers as kl`): churn model with a
Dense(1) logit head, BinaryCrossentropy(from_logits=True) and logit-aware metrics.

CORRECT: no metric thresholds logits at 0.5.
"""
import numpy as np
import tensorflow as tf
import tensorflow.keras.layers as kl

X = np.random.rand(8000, 20).astype("float32")
y = np.random.randint(0, 2, size=(8000, 1)).astype("float32")

inp = kl.Input(shape=(20,))
h = kl.Dense(64, activation="relu")(inp)
h = kl.Dropout(0.2)(h)
out = kl.Dense(1)(h)
model = tf.keras.Model(inp, out)

model.compile(
    optimizer="adam",
    loss=tf.keras.losses.BinaryCrossentropy(from_logits=True),
    metrics=[tf.keras.metrics.AUC(from_logits=True), tf.keras.metrics.BinaryAccuracy(threshold=0)],
)
model.fit(X, y, epochs=10, batch_size=128)
