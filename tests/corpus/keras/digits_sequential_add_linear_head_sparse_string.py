"""Handwritten digits (8x8) classifier built with Sequential() + model.add().

BUG (CE102): the final Dense(10) has no activation, yet the loss is the plain
'sparse_categorical_crossentropy' string, which expects probabilities.
"""
import numpy as np
from sklearn.datasets import load_digits
from sklearn.model_selection import train_test_split
from tensorflow.keras.models import Sequential
from tensorflow.keras.layers import Dense, Dropout, Input

digits = load_digits()
X = digits.data.astype("float32") / 16.0
y = digits.target
X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.25, random_state=0)

model = Sequential()
model.add(Input(shape=(64,)))
model.add(Dense(64, activation="relu"))
model.add(Dropout(0.1))
model.add(Dense(10))

model.compile(
    optimizer="adam",
    loss="sparse_categorical_crossentropy",  # error: CE102
    metrics=["accuracy"],
)
model.fit(X_train, y_train, epochs=40, batch_size=32, verbose=0)
print("test acc:", model.evaluate(X_test, y_test, verbose=0)[1])
