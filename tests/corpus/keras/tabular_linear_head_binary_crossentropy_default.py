"""Credit default classifier on tabular data with a linear single-unit head.

BUG (CE102): 'binary_crossentropy' defaults to from_logits=False, but Dense(1) with no
activation emits unbounded scores, which Keras clips into [eps, 1 - eps].
"""
import numpy as np
import pandas as pd
from tensorflow import keras
from tensorflow.keras import layers

df = pd.read_csv("credit.csv")
y = df.pop("default").values.astype("float32")
X = df.values.astype("float32")
X = (X - X.mean(axis=0)) / (X.std(axis=0) + 1e-6)

model = keras.Sequential([
    layers.Input(shape=(X.shape[1],)),
    layers.Dense(64, activation="relu"),
    layers.Dense(32, activation="relu"),
    layers.Dense(1),
])

model.compile(optimizer="adam", loss="binary_crossentropy")  # error: CE102
model.fit(X, y, epochs=30, batch_size=32, validation_split=0.2, verbose=2)
