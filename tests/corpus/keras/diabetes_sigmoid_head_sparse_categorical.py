"""Pima diabetes classifier with a sigmoid single-unit head and sparse categorical loss.

BUG (CE202): sparse categorical cross-entropy over one unit normalises a single
probability; the loss is constant and the model learns nothing.
"""
import numpy as np
from tensorflow.keras.models import Sequential
from tensorflow.keras.layers import Dense

data = np.loadtxt("pima-indians-diabetes.csv", delimiter=",")
X, y = data[:, :8], data[:, 8]

model = Sequential()
model.add(Dense(12, input_shape=(8,), activation="relu"))
model.add(Dense(8, activation="relu"))
model.add(Dense(1, activation="sigmoid"))

model.compile(loss="sparse_categorical_crossentropy", optimizer="adam", metrics=["accuracy"])  # error: CE202
model.fit(X, y, epochs=150, batch_size=10)
_, accuracy = model.evaluate(X, y)
print("Accuracy: %.2f" % (accuracy * 100))
