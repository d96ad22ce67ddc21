"""Facial emotion recognition (7 classes), softmax head, loss imported as a class and
stored in a variable before compile.

BUG (CE203): BinaryCrossentropy on a 7-unit softmax. Reported where the loss object is created.
"""
import numpy as np
from tensorflow.keras import layers as L
from tensorflow.keras.losses import BinaryCrossentropy
from tensorflow.keras.models import Model

EMOTIONS = ["angry", "disgust", "fear", "happy", "sad", "surprise", "neutral"]

faces = np.random.rand(4000, 48, 48, 1).astype("float32")
labels = np.eye(len(EMOTIONS))[np.random.randint(0, 7, size=4000)]

inp = L.Input(shape=(48, 48, 1))
x = L.Conv2D(32, 3, activation="relu", padding="same")(inp)
x = L.MaxPooling2D()(x)
x = L.Conv2D(64, 3, activation="relu", padding="same")(x)
x = L.MaxPooling2D()(x)
x = L.Flatten()(x)
x = L.Dense(128, activation="relu")(x)
out = L.Dense(7, activation="softmax")(x)
model = Model(inputs=inp, outputs=out)

criterion = BinaryCrossentropy(label_smoothing=0.05)  # error: CE203
model.compile(optimizer="adam", loss=criterion, metrics=["categorical_accuracy"])
model.fit(faces, labels, epochs=30, batch_size=64, validation_split=0.1)
