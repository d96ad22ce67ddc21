"""Sonar rocks-vs-mines classifier compiled with a positional
optimizer and loss: compile("adam", "binary_crossentropy", metrics=["accuracy"]).

CORRECT: sigmoid single-unit head with binary cross-entropy and accuracy.
"""
import numpy as np
import pandas as pd
from tensorflow.keras.models import Sequential
from tensorflow.keras.layers import Dense, Dropout

df = pd.read_csv("sonar.csv", header=None)
X = df.iloc[:, :60].values.astype("float32")
y = (df.iloc[:, 60] == "M").values.astype("float32")

model = Sequential()
model.add(Dense(60, input_shape=(60,), activation="relu"))
model.add(Dropout(0.2))
model.add(Dense(30, activation="relu"))
model.add(Dense(1, activation="sigmoid"))
model.compile("adam", "binary_crossentropy", metrics=["accuracy"])
model.fit(X, y, epochs=100, batch_size=5, verbose=0)
