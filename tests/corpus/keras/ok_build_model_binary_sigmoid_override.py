"""build_model() whose defaults are a 10-way softmax, called with (1, "sigmoid") for a
binary problem.

CORRECT: the defaults would give Dense(1, softmax) only if the activation was left at
its default; the call overrides it, so the head is Dense(1, sigmoid) + binary_crossentropy.
"""
import numpy as np
import keras
from keras import layers


def build_model(num_classes=10, activation="softmax"):
    model = keras.Sequential()
    model.add(keras.Input(shape=(28, 28, 1)))
    model.add(layers.Conv2D(16, 3, activation="relu"))
    model.add(layers.MaxPooling2D())
    model.add(layers.Flatten())
    model.add(layers.Dense(num_classes, activation=activation))
    return model


images = np.random.rand(1000, 28, 28, 1).astype("float32")
is_even = np.random.randint(0, 2, size=(1000,)).astype("float32")

model = build_model(1, "sigmoid")
model.compile(optimizer="adam", loss="binary_crossentropy", metrics=["accuracy"])
model.fit(images, is_even, epochs=5)
