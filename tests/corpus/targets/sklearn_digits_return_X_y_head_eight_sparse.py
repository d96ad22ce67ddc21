# 8x8 digits with a softmax head of 8 units (the image side, not the class count).
# load_digits has ten classes: labels 8 and 9 are out of range.
import numpy as np
import keras
from keras import layers
from sklearn.datasets import load_digits

X, y = load_digits(return_X_y=True)
X = X.reshape(-1, 8, 8, 1) / 16.0

model = keras.Sequential([
    keras.Input(shape=(8, 8, 1)),
    layers.Conv2D(16, 3, activation="relu"),
    layers.Flatten(),
    layers.Dense(8, activation="softmax"),  # error: CE303
])
model.compile(optimizer="adam", loss="sparse_categorical_crossentropy", metrics=["accuracy"])
model.fit(X, y, epochs=20, validation_split=0.2)
