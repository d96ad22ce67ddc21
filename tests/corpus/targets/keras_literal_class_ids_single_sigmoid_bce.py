# Toy example from a forum question: four hand-written samples, labels 0, 1, 2
# written out, and a single sigmoid unit with binary cross-entropy.
import numpy as np
from keras.models import Sequential
from keras.layers import Dense

X = np.array([[0.1, 0.9], [0.8, 0.2], [0.5, 0.5], [0.9, 0.1]])
y = np.array([[0], [2], [1], [2]])

model = Sequential()
model.add(Dense(4, input_dim=2, activation="relu"))
model.add(Dense(1, activation="sigmoid"))  # error: CE303
model.compile(loss="binary_crossentropy", optimizer="adam")
model.fit(X, y, epochs=500, verbose=0)
print(model.predict(X))
