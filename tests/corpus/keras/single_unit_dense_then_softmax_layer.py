"""Loan approval model: Dense(1) followed by a separate layers.Softmax() layer.

BUG (CE201): the softmax is applied over a width-1 last axis and always outputs 1.0.
The finding goes on the Softmax() layer's line, where the softmax is applied.
"""
import numpy as np
from tensorflow import keras
from tensorflow.keras import layers

applicants = np.random.rand(3000, 12).astype("float32")
approved = np.random.randint(0, 2, size=(3000,)).astype("float32")

inputs = keras.Input(shape=(12,))
x = layers.Dense(32, activation="relu")(inputs)
x = layers.Dense(16, activation="relu")(x)
x = layers.Dense(1)(x)
outputs = layers.Softmax()(x)  # error: CE201
model = keras.Model(inputs=inputs, outputs=outputs)

model.compile(optimizer="adam", loss="binary_crossentropy", metrics=["accuracy"])
model.fit(applicants, approved, epochs=20, batch_size=64, validation_split=0.2)
