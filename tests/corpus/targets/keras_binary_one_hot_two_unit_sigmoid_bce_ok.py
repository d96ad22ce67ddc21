"""Boundary look-alike (no finding by the CE203 definition): a cats-vs-dogs
model whose labels are to_categorical(y, 2) and whose head is a 2-unit
sigmoid trained with binary_crossentropy. CE203 only covers sigmoid heads of
MORE than two units, so this must stay silent (a 1-unit sigmoid would be the
tidier design, but it is not what the rule targets). No finding.
"""
import numpy as np
from tensorflow import keras
from tensorflow.keras.utils import to_categorical

images = np.load("cats_dogs_96.npy").astype("float32") / 255.0
is_dog = np.load("cats_dogs_labels.npy")

y = to_categorical(is_dog, 2)

model = keras.Sequential([
    keras.layers.Input(shape=(96, 96, 3)),
    keras.layers.Conv2D(32, 3, activation="relu"),
    keras.layers.MaxPooling2D(),
    keras.layers.Conv2D(64, 3, activation="relu"),
    keras.layers.MaxPooling2D(),
    keras.layers.Conv2D(128, 3, activation="relu"),
    keras.layers.GlobalAveragePooling2D(),
    keras.layers.Dense(2, activation="sigmoid"),
])

model.compile(optimizer="adam", loss="binary_crossentropy", metrics=["accuracy"])
model.fit(images, y, epochs=15, batch_size=32, validation_split=0.2)
model.save("cats_dogs.keras")
