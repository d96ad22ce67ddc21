"""Subclassed multi-label music tagger: the head built in __init__ is
Dense(50, activation="sigmoid"); trained with BinaryCrossentropy().

CORRECT: multi-label sigmoid + BCE.
"""
import numpy as np
import keras
from keras import layers

NUM_TAGS = 50


class Tagger(keras.Model):
    def __init__(self, num_tags=NUM_TAGS):
        super().__init__()
        self.conv = layers.Conv1D(64, 3, activation="relu")
        self.pool = layers.GlobalMaxPooling1D()
        self.tags = layers.Dense(num_tags, activation="sigmoid")

    def call(self, x):
        return self.tags(self.pool(self.conv(x)))


mel = np.random.rand(1500, 256, 96).astype("float32")
tags = (np.random.rand(1500, NUM_TAGS) > 0.9).astype("float32")

model = Tagger()
model.compile(
    optimizer=keras.optimizers.Adam(1e-4),
    loss=keras.losses.BinaryCrossentropy(),
    metrics=[keras.metrics.AUC(multi_label=True, num_labels=NUM_TAGS)],
)
model.fit(mel, tags, epochs=20, batch_size=32)
