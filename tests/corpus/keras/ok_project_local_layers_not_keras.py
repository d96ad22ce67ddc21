"""A script using a project-local layer library whose names mimic Keras (Dense, Model,
softmax) but are not imported from keras.

CORRECT for the linter: `Dense(1, activation="softmax")` comes from `nets.layers`, not
Keras, so nothing can be said about it.
"""
import numpy as np
from nets.layers import Dense, Sequential
from nets.losses import categorical_crossentropy

x = np.random.rand(256, 4).astype("float32")
y = np.random.randint(0, 2, size=(256, 1)).astype("float32")

model = Sequential([
    Dense(8, activation="relu"),
    Dense(1, activation="softmax"),
])
model.compile(optimizer="sgd", loss=categorical_crossentropy)
model.fit(x, y, epochs=3)
