"""E-commerce product model with two outputs: category (12 classes) and is_returned.

Losses are given as a list matching the outputs list order.
BUG (CE101) on the first entry: the category head is softmax but its loss says from_logits=True.
The second entry (sigmoid + binary_crossentropy) is fine.
"""
import numpy as np
import keras
from keras import layers

NUM_CATEGORIES = 12

titles = np.random.randint(1, 5000, size=(8000, 30))
category = np.random.randint(0, NUM_CATEGORIES, size=(8000,))
returned = np.random.randint(0, 2, size=(8000,)).astype("float32")

inp = keras.Input(shape=(30,), dtype="int32")
h = layers.Embedding(5000, 64)(inp)
h = layers.GlobalAveragePooling1D()(h)
h = layers.Dense(64, activation="relu")(h)
category_out = layers.Dense(NUM_CATEGORIES, activation="softmax", name="category")(h)
returned_out = layers.Dense(1, activation="sigmoid", name="returned")(h)

model = keras.Model(inp, [category_out, returned_out])
model.compile(
    optimizer="adam",
    loss=[
        keras.losses.SparseCategoricalCrossentropy(from_logits=True),  # error: CE101
        "binary_crossentropy",
    ],
)
model.fit(titles, [category, returned], epochs=6, batch_size=128)
