"""Subclassed activity-recognition model (6 activities) whose head is Dense(NUM_ACTIVITIES)
with no activation, compiled with SparseCategoricalCrossentropy() imported directly.

BUG (CE102): the default from_logits=False expects probabilities but gets logits.
"""
import numpy as np
import tensorflow as tf
from tensorflow.keras.losses import SparseCategoricalCrossentropy

NUM_ACTIVITIES = 6


class HARNet(tf.keras.Model):
    def __init__(self):
        super().__init__()
        self.lstm = tf.keras.layers.LSTM(64)
        self.drop = tf.keras.layers.Dropout(0.5)
        self.out = tf.keras.layers.Dense(NUM_ACTIVITIES)

    def call(self, inputs, training=False):
        x = self.lstm(inputs)
        x = self.drop(x, training=training)
        return self.out(x)


windows = np.random.rand(7000, 128, 9).astype("float32")
activity = np.random.randint(0, NUM_ACTIVITIES, size=(7000,))

model = HARNet()
model.compile(optimizer=tf.keras.optimizers.Adam(1e-3), loss=SparseCategoricalCrossentropy(), metrics=["accuracy"])  # error: CE102
model.fit(windows, activity, epochs=15, batch_size=64, validation_split=0.2)
