"""Boston-housing style regression: Dense(1) linear output with mse.

CORRECT: no cross-entropy involved.
"""
from tensorflow import keras
from tensorflow.keras import layers

(x_train, y_train), (x_test, y_test) = keras.datasets.boston_housing.load_data()
mean, std = x_train.mean(axis=0), x_train.std(axis=0)
x_train = (x_train - mean) / std
x_test = (x_test - mean) / std

model = keras.Sequential([
    layers.Input(shape=(13,)),
    layers.Dense(64, activation="relu"),
    layers.Dense(64, activation="relu"),
    layers.Dense(1),
])
model.compile(optimizer="rmsprop", loss="mse", metrics=["mae"])
model.fit(x_train, y_train, epochs=80, batch_size=16, verbose=0)
print(model.evaluate(x_test, y_test, verbose=0))
