"""Sequential model that (oddly) ends with Dropout after the softmax layer; the head is
still the softmax, since Dropout preserves shape.

BUG (CE101): softmax head followed by Dropout, loss says from_logits=True.
"""
import numpy as np
from keras import Sequential
from keras.layers import Dense, Dropout, Input
from keras.losses import SparseCategoricalCrossentropy

x = np.random.rand(3000, 40).astype("float32")
y = np.random.randint(0, 6, size=(3000,))

model = Sequential()
model.add(Input(shape=(40,)))
model.add(Dense(64, activation="relu"))
model.add(Dense(6, activation="softmax"))
model.add(Dropout(0.1))

model.compile(optimizer="adam", loss=SparseCategoricalCrossentropy(from_logits=True), metrics=["accuracy"])  # error: CE101
model.fit(x, y, epochs=20, batch_size=32)
