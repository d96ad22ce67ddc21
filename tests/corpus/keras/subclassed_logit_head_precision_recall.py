"""Subclassed binary classifier (Dense(1) logits, BCE from_logits=True) monitored with
Precision() and Recall(), each on its own line.

BUG (CE105, twice): both metrics threshold the raw logits at 0.5; each metric is a
separate finding on its own line.
"""
import numpy as np
from tensorflow import keras
from tensorflow.keras import layers


class Detector(keras.Model):
    def __init__(self):
        super().__init__()
        self.body = keras.Sequential([layers.Dense(64, activation="relu"), layers.Dense(32, activation="relu")])
        self.logit = layers.Dense(1)

    def call(self, x):
        return self.logit(self.body(x))


x = np.random.rand(10000, 40).astype("float32")
y = (np.random.rand(10000, 1) < 0.1).astype("float32")

model = Detector()
model.compile(
    optimizer="adam",
    loss=keras.losses.BinaryCrossentropy(from_logits=True),
    metrics=[
        keras.metrics.Precision(name="precision"),  # error: CE105
        keras.metrics.Recall(name="recall"),  # error: CE105
    ],
)
model.fit(x, y, epochs=10, batch_size=256, validation_split=0.2)
