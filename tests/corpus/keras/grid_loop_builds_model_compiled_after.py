"""Notebook leftover: a "grid search" loop over a single setting builds the model, and the model is
compiled and trained after the loop.

BUG (CE204): categorical_crossentropy on a 4-unit sigmoid head (the loop ran once: `model` is its model).
"""
from tensorflow.keras import Sequential
from tensorflow.keras.layers import Dense, Dropout

for units in [64]:
    model = Sequential()
    model.add(Dense(units, activation="relu", input_dim=30))
    model.add(Dropout(0.3))
    model.add(Dense(4, activation="sigmoid"))

model.compile(loss="categorical_crossentropy", optimizer="adam", metrics=["accuracy"])  # error: CE204
model.fit(X_train, y_train, epochs=50, batch_size=16)
