"""Subclassed keras.Model for click-through prediction; the head built in __init__ is
Dense(1, activation="softmax").

BUG (CE201): constant 1.0 output. Reported on the line in __init__ that creates the head.
"""
import numpy as np
import keras
from keras import layers


class ClickModel(keras.Model):
    def __init__(self, embed_dim=16, **kwargs):
        super().__init__(**kwargs)
        self.embed = layers.Embedding(10000, embed_dim)
        self.pool = layers.GlobalAveragePooling1D()
        self.hidden = layers.Dense(32, activation="relu")
        self.head = layers.Dense(1, activation="softmax")  # error: CE201

    def call(self, inputs):
        x = self.embed(inputs)
        x = self.pool(x)
        x = self.hidden(x)
        return self.head(x)


ids = np.random.randint(0, 10000, size=(20000, 12))
clicked = np.random.randint(0, 2, size=(20000, 1)).astype("float32")

model = ClickModel()
model.compile(optimizer="adam", loss="binary_crossentropy", metrics=["accuracy"])
model.fit(ids, clicked, epochs=3, batch_size=256)
