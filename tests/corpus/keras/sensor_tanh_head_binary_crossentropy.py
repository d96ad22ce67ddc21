"""Anomaly flag from a window of sensor readings, single tanh output unit.

BUG (CE102): tanh outputs lie in (-1, 1), not probabilities; BinaryCrossentropy()
(from_logits=False by default) clips the negative half away.
"""
import numpy as np
import keras
from keras import layers

WINDOW = 50

signals = np.random.randn(8000, WINDOW, 3).astype("float32")
flags = (np.abs(signals).max(axis=(1, 2)) > 3.5).astype("float32")

inputs = keras.Input(shape=(WINDOW, 3))
x = layers.Conv1D(32, 5, activation="relu")(inputs)
x = layers.GlobalMaxPooling1D()(x)
x = layers.Dense(16, activation="relu")(x)
outputs = layers.Dense(1, activation="tanh")(x)
model = keras.Model(inputs=inputs, outputs=outputs)

model.compile(optimizer=keras.optimizers.Adam(3e-4), loss=keras.losses.BinaryCrossentropy())  # error: CE102
model.fit(signals, flags, epochs=12, batch_size=128, validation_split=0.1)
