"""Functional binary classifier using Dense(2) + Activation("softmax") and sparse labels.

CORRECT: softmax over two units with SparseCategoricalCrossentropy() (expects probabilities).
"""
import numpy as np
from tensorflow import keras
from tensorflow.keras import layers

x = np.random.rand(2000, 8).astype("float32")
y = np.random.randint(0, 2, size=(2000,))

inputs = keras.Input(shape=(8,))
h = layers.Dense(16, activation="relu")(inputs)
h = layers.Dense(2)(h)
outputs = layers.Activation("softmax")(h)
model = keras.Model(inputs=inputs, outputs=outputs)
model.compile(
    optimizer="adam",
    loss=keras.losses.SparseCategoricalCrossentropy(),
    metrics=["accuracy"],
)
model.fit(x, y, epochs=15)
