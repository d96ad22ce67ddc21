"""Bearing-fault classification from vibration features: five fault types, a ten-unit head.

The head was copied from a ten-class project. The targets are one-hot with five columns, the
output has ten: Keras raises "Arguments `target` and `output` must have the same shape" at fit().
"""
import numpy as np
import keras

NUM_FAULT_TYPES = 5

rng = np.random.default_rng(3)
features = rng.normal(size=(4000, 24)).astype("float32")
fault_type = rng.integers(0, NUM_FAULT_TYPES, size=(4000,))
targets = keras.utils.to_categorical(fault_type, NUM_FAULT_TYPES)

model = keras.Sequential()
model.add(keras.Input(shape=(24,)))
model.add(keras.layers.Dense(128, activation="relu"))
model.add(keras.layers.Dropout(0.2))
model.add(keras.layers.Dense(64, activation="relu"))
model.add(keras.layers.Dense(10, activation="softmax"))  # error: CE303
model.compile(optimizer="adam", loss="categorical_crossentropy", metrics=["accuracy"])
model.fit(features, targets, epochs=40, batch_size=64, validation_split=0.2)
