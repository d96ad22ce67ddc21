"""Binary task mistakenly set up with Dense(1, "softmax") and categorical cross-entropy.

BUG (CE201 only): the single-unit softmax is the root cause; CE202 (categorical loss on
a one-unit head) is not reported separately for the same head.
"""
import numpy as np
from keras.layers import Dense, Input
from keras.models import Sequential

x = np.random.rand(1000, 10).astype("float32")
y = np.random.randint(0, 2, size=(1000, 1)).astype("float32")

model = Sequential([
    Input(shape=(10,)),
    Dense(16, activation="relu"),
    Dense(1, "softmax"),  # error: CE201
])
model.compile(optimizer="sgd", loss="categorical_crossentropy", metrics=["accuracy"])
model.fit(x, y, epochs=50, batch_size=16)
