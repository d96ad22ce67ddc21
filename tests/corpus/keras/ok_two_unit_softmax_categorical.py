"""Binary task framed as two classes: Dense(2, activation="softmax") + categorical_crossentropy.

CORRECT: a two-unit softmax is a proper distribution over two classes.
"""
import numpy as np
from keras.models import Sequential
from keras.layers import Dense, Input
from keras.utils import to_categorical

x = np.random.rand(1500, 20).astype("float32")
y = to_categorical(np.random.randint(0, 2, size=1500), 2)

model = Sequential([
    Input(shape=(20,)),
    Dense(32, activation="relu"),
    Dense(2, activation="softmax"),
])
model.compile(optimizer="adam", loss="categorical_crossentropy", metrics=["accuracy"])
model.fit(x, y, epochs=20, batch_size=32, validation_split=0.2)
