"""Keras 2 (tf_keras) tabular model: Dense(1) logits, BinaryCrossentropy(from_logits=True),
and the 'binary_accuracy' metric string.

BUG (CE105): 'binary_accuracy' thresholds at 0.5 but the outputs are logits.
"""
import numpy as np
import tf_keras
from tf_keras import layers

X = np.random.rand(6000, 18).astype("float32")
y = np.random.randint(0, 2, size=(6000,)).astype("float32")

model = tf_keras.Sequential([
    layers.Dense(64, activation="relu", input_shape=(18,)),
    layers.BatchNormalization(),
    layers.Dense(32, activation="relu"),
    layers.Dense(1),
])
model.compile(
    optimizer=tf_keras.optimizers.Adam(1e-3),
    loss=tf_keras.losses.BinaryCrossentropy(from_logits=True),
    metrics=["binary_accuracy"],  # error: CE105
)
model.fit(X, y, epochs=25, batch_size=64, validation_split=0.25)
