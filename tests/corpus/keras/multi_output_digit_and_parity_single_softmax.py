"""Multi-task MNIST: a 10-way digit head and an is-odd head. The parity head was copied
from the digit head and kept its softmax: Dense(1, activation="softmax", name="is_odd").

BUG (CE201) on the is_odd head only; its BCE entry in the loss dict is not reported
separately (CE201 beats other findings for that head). The digit head is fine.
"""
import numpy as np
import keras
from keras import layers

(x_train, y_train), _ = keras.datasets.mnist.load_data()
x_train = x_train.reshape(-1, 784).astype("float32") / 255.0
is_odd = (y_train % 2).astype("float32")

inputs = keras.Input(shape=(784,), name="pixels")
h = layers.Dense(256, activation="relu")(inputs)
h = layers.Dense(128, activation="relu")(h)
digit = layers.Dense(10, activation="softmax", name="digit")(h)
parity = layers.Dense(1, activation="softmax", name="is_odd")(h)  # error: CE201

model = keras.Model(inputs=inputs, outputs={"digit": digit, "is_odd": parity})
model.compile(
    optimizer="adam",
    loss={"digit": "sparse_categorical_crossentropy", "is_odd": "binary_crossentropy"},
    metrics={"digit": "accuracy", "is_odd": "accuracy"},
)
model.fit(x_train, {"digit": y_train, "is_odd": is_odd}, epochs=5, batch_size=128)
