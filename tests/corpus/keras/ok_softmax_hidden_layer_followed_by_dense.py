"""Mixture-style model where a softmax layer is used inside the network (soft
assignment to 32 prototypes), followed by a linear Dense(10) logits head.

CORRECT: the softmax is not the head; the head is linear and the loss has from_logits=True.
"""
import numpy as np
from tensorflow import keras
from tensorflow.keras import layers

x = np.random.rand(6000, 64).astype("float32")
y = np.random.randint(0, 10, size=(6000,))

model = keras.Sequential([
    layers.Input(shape=(64,)),
    layers.Dense(128, activation="relu"),
    layers.Dense(32, activation="softmax"),
    layers.Dense(10),
])
model.compile(
    optimizer="adam",
    loss=keras.losses.SparseCategoricalCrossentropy(from_logits=True),
    metrics=["accuracy"],
)
model.fit(x, y, epochs=10, batch_size=64)
