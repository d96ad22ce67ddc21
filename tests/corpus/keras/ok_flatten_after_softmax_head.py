"""Tabular classifier whose softmax output passes through Flatten() and Reshape((10,))
(left over from an older architecture); the head is still a 10-way softmax.

CORRECT: shape-preserving layers after a 10-unit softmax, with the default
(from_logits=False) sparse categorical loss.
"""
import numpy as np
from keras import Sequential, layers

x = np.random.rand(2000, 32).astype("float32")
y = np.random.randint(0, 10, size=(2000,))

model = Sequential([
    layers.Input(shape=(32,)),
    layers.Dense(64, activation="relu"),
    layers.Dense(10, activation="softmax"),
    layers.Flatten(),
    layers.Reshape((10,)),
])
model.compile(optimizer="adam", loss="sparse_categorical_crossentropy", metrics=["accuracy"])
model.fit(x, y, epochs=5)
