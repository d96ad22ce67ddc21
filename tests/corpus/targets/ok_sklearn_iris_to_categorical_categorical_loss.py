# Iris with one-hot targets: to_categorical without num_classes gives three
# columns (max label + 1), matching the three-unit softmax.
import numpy as np
from sklearn import datasets
from keras.models import Sequential
from keras.layers import Dense
from keras.utils import to_categorical

iris = datasets.load_iris()
X = iris["data"]
y = to_categorical(iris["target"])

model = Sequential()
model.add(Dense(10, input_dim=4, activation="relu"))
model.add(Dense(3, activation="softmax"))
model.compile(loss="categorical_crossentropy", optimizer="adam", metrics=["accuracy"])
model.fit(X, y, epochs=150, batch_size=10, verbose=0)
