# Smoke test with labels written out: ids up to 2 need at least three outputs.
import numpy as np
import tensorflow as tf

features = np.random.rand(6, 4).astype("float32")
labels = np.array([0, 1, 2, 1, 0, 2])

model = tf.keras.Sequential([
    tf.keras.Input(shape=(4,)),
    tf.keras.layers.Dense(2, activation="softmax"),  # error: CE303
])
model.compile(optimizer="adam", loss=tf.keras.losses.SparseCategoricalCrossentropy())
model.fit(features, labels, epochs=3)
