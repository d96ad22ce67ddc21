"""Calibration experiment training a softmax head with mean squared error (Brier score),
plus a degenerate-looking sigmoid reconstruction head trained with MSE.

CORRECT: mse on any head is outside the cross-entropy rules.
"""
import numpy as np
import keras
from keras import layers

x = np.random.rand(3000, 784).astype("float32")
y = keras.utils.to_categorical(np.random.randint(0, 10, size=3000), 10)

inputs = keras.Input(shape=(784,))
h = layers.Dense(128, activation="relu")(inputs)
probs = layers.Dense(10, activation="softmax", name="probs")(h)
recon = layers.Dense(784, activation="sigmoid", name="recon")(h)
model = keras.Model(inputs, [probs, recon])

model.compile(
    optimizer="adam",
    loss={"probs": keras.losses.MeanSquaredError(), "recon": "mse"},
)
model.fit(x, {"probs": y, "recon": x}, epochs=5, batch_size=64)
