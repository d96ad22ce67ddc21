"""Fake-news detector: Dense(1, activation=tf.keras.activations.sigmoid) with
binary_crossentropy and threshold-based metrics.

CORRECT: the head outputs probabilities, so Precision()/Recall()/'accuracy' at 0.5 are right.
"""
import numpy as np
import tensorflow as tf

headlines = np.random.randint(1, 12000, size=(9000, 25))
is_fake = np.random.randint(0, 2, size=(9000,)).astype("float32")

inputs = tf.keras.Input(shape=(25,), dtype="int32")
x = tf.keras.layers.Embedding(12000, 64)(inputs)
x = tf.keras.layers.Conv1D(64, 5, activation="relu")(x)
x = tf.keras.layers.GlobalMaxPooling1D()(x)
outputs = tf.keras.layers.Dense(1, activation=tf.keras.activations.sigmoid)(x)
model = tf.keras.Model(inputs=inputs, outputs=outputs)

model.compile(
    optimizer="adam",
    loss="binary_crossentropy",
    metrics=["accuracy", tf.keras.metrics.Precision(), tf.keras.metrics.Recall()],
)
model.fit(headlines, is_fake, epochs=5, batch_size=64, validation_split=0.1)
