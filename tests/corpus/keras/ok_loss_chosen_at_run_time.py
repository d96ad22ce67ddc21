"""Hyper-parameter sweep where the loss name comes from the environment.

CORRECT for the linter: the loss is unknown statically; the softmax head alone is fine.
"""
import os
import numpy as np
from tensorflow import keras
from tensorflow.keras import layers

LOSS = os.environ.get("LOSS_NAME", "categorical_crossentropy")

x = np.random.rand(2000, 20).astype("float32")
y = keras.utils.to_categorical(np.random.randint(0, 5, size=2000), 5)

model = keras.Sequential([
    layers.Input(shape=(20,)),
    layers.Dense(32, activation="relu"),
    layers.Dense(5, activation="softmax"),
])
model.compile(optimizer="adam", loss=LOSS, metrics=["accuracy"])
model.fit(x, y, epochs=5)
