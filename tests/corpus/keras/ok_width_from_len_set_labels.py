"""Document classifier whose output width is computed at run time from the labels.

CORRECT for the linter: the width len(set(labels)) is unknown statically, so neither
CE201/CE203 (softmax width) may be assumed; stay silent.
"""
import json
import numpy as np
from tensorflow import keras
from tensorflow.keras import layers

with open("docs.json") as fh:
    records = json.load(fh)

labels = [r["label"] for r in records]
label_index = {name: i for i, name in enumerate(sorted(set(labels)))}
num_classes = len(set(labels))
y = keras.utils.to_categorical([label_index[l] for l in labels], num_classes)
X = np.array([r["embedding"] for r in records], dtype="float32")

model = keras.Sequential([
    layers.Input(shape=(X.shape[1],)),
    layers.Dense(128, activation="relu"),
    layers.Dense(num_classes, activation="softmax"),
])
model.compile(optimizer="adam", loss="binary_crossentropy", metrics=["accuracy"])
model.fit(X, y, epochs=10, batch_size=32, validation_split=0.1)
