"""Binary one-hot targets with Dense(2, "softmax") and binary_crossentropy.

CORRECT: with two complementary softmax outputs and one-hot targets, BCE equals
categorical cross-entropy; two units is not "more than two" (no CE203).
"""
import numpy as np
import tensorflow as tf

reviews = np.random.rand(3000, 100).astype("float32")
sentiment = tf.keras.utils.to_categorical(np.random.randint(0, 2, size=3000), 2)

model = tf.keras.Sequential([
    tf.keras.layers.Input(shape=(100,)),
    tf.keras.layers.Dense(50, activation="relu"),
    tf.keras.layers.Dense(2, activation="softmax"),
])
model.compile(optimizer="adam", loss="binary_crossentropy", metrics=["accuracy"])
model.fit(reviews, sentiment, epochs=10, batch_size=64)
