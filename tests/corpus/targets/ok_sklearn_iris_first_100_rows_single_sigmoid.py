# Setosa vs versicolor: the first 100 iris rows hold only classes 0 and 1
# (the data set is sorted by class), so one sigmoid unit is right.
from sklearn.datasets import load_iris
import keras

iris = load_iris()
X = iris.data[:100, :2]
y = iris.target[:100]

model = keras.Sequential([keras.Input(shape=(2,)), keras.layers.Dense(1, activation="sigmoid")])
model.compile(optimizer="sgd", loss="binary_crossentropy", metrics=["accuracy"])
model.fit(X, y, epochs=100)
