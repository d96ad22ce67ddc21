"""build_model(num_classes=10, activation="softmax") called with 3 for a penguin species task.

CORRECT: the carried-in width is 3, a 3-way softmax with categorical_crossentropy.
"""
import numpy as np
from tensorflow import keras
from tensorflow.keras import layers


def build_model(num_classes=10, activation="softmax"):
    inputs = keras.Input(shape=(6,))
    x = layers.Dense(32, activation="relu")(inputs)
    x = layers.Dense(16, activation="relu")(x)
    outputs = layers.Dense(num_classes, activation=activation)(x)
    return keras.Model(inputs, outputs)


penguins = np.random.rand(340, 6).astype("float32")
species = keras.utils.to_categorical(np.random.randint(0, 3, size=340), 3)

model = build_model(3)
model.compile(optimizer="adam", loss="categorical_crossentropy", metrics=["accuracy"])
model.fit(penguins, species, epochs=50, batch_size=16, validation_split=0.2)
