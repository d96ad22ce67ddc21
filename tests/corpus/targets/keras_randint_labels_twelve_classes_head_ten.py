"""Synthetic smoke test for a gesture model. Fake labels are drawn with
np.random.randint(0, 12, size=N) (12 gestures), but the head has 10 softmax
units, so labels 10 and 11 are out of range for the sparse loss (NaN loss on
CPU, an error on GPU).

Bug: CE303, reported on the head layer.
"""
import numpy as np
from tensorflow import keras
from tensorflow.keras import layers

N = 2048
TIMESTEPS = 40
CHANNELS = 6

x = np.random.randn(N, TIMESTEPS, CHANNELS).astype("float32")
y = np.random.randint(0, 12, size=N)

model = keras.Sequential([
    layers.Input(shape=(TIMESTEPS, CHANNELS)),
    layers.LSTM(64, return_sequences=True),
    layers.LSTM(32),
    layers.Dense(32, activation="relu"),
    layers.Dense(10, activation="softmax"),  # error: CE303
])

model.compile(optimizer="adam", loss="sparse_categorical_crossentropy", metrics=["accuracy"])
history = model.fit(x, y, epochs=2, batch_size=64, verbose=2)
assert np.isfinite(history.history["loss"][-1]), "loss diverged"
print("smoke test ok")
