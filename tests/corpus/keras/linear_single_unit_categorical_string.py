"""Heart disease classifier: Dense(1) linear head with the 'categorical_crossentropy' string.

BUG (CE202 only): the single-unit categorical loss is the root cause; it is not also
reported as CE102 (linear head fed to a probability loss).
"""
import numpy as np
import tensorflow as tf

features = np.random.rand(900, 13).astype("float32")
target = np.random.randint(0, 2, size=(900, 1)).astype("float32")

model = tf.keras.models.Sequential([
    tf.keras.layers.Dense(32, activation="relu", input_shape=(13,)),
    tf.keras.layers.Dense(16, activation="relu"),
    tf.keras.layers.Dense(1),
])
model.compile("adam", "categorical_crossentropy", metrics=["accuracy"])  # error: CE202
model.fit(features, target, epochs=40, batch_size=16, validation_split=0.2)
