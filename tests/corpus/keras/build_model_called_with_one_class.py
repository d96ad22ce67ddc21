"""A reusable build_model() whose defaults are fine (10 classes, softmax), called with
num_classes=1 for a binary problem.

BUG (CE201): only because of the call's argument, the head becomes Dense(1, softmax).
The finding is on the Dense line inside build_model.
"""
import numpy as np
from tensorflow import keras
from tensorflow.keras import layers


def build_model(num_classes=10, activation="softmax", hidden=64):
    model = keras.Sequential([
        layers.Input(shape=(20,)),
        layers.Dense(hidden, activation="relu"),
        layers.Dense(hidden // 2, activation="relu"),
        layers.Dense(num_classes, activation=activation),  # error: CE201
    ])
    return model


x = np.random.rand(500, 20).astype("float32")
y = np.random.randint(0, 2, size=(500,)).astype("float32")

model = build_model(1)
model.compile(optimizer="adam", loss="binary_crossentropy", metrics=["accuracy"])
model.fit(x, y, epochs=10)
