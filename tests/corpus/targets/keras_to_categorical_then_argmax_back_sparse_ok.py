"""Correct: y is one-hot encoded with to_categorical for a class-balance
report, then re-bound with y = y.argmax(1), so the name holds integer class
ids again when it reaches sparse_categorical_crossentropy. A linter that does
not follow the re-binding would raise a false CE301. No finding.
"""
import numpy as np
from tensorflow import keras
from tensorflow.keras.utils import to_categorical

(x, y), (x_test, y_test) = keras.datasets.fashion_mnist.load_data()
x = x.astype("float32") / 255.0
x_test = x_test.astype("float32") / 255.0

y = to_categorical(y, 10)
print("class frequencies:", y.sum(axis=0) / len(y))
y = y.argmax(1)

model = keras.Sequential([
    keras.layers.Input(shape=(28, 28)),
    keras.layers.Reshape((28, 28, 1)),
    keras.layers.Conv2D(32, 3, activation="relu"),
    keras.layers.MaxPooling2D(),
    keras.layers.Flatten(),
    keras.layers.Dense(100, activation="relu"),
    keras.layers.Dense(10, activation="softmax"),
])

model.compile(
    optimizer="adam",
    loss="sparse_categorical_crossentropy",
    metrics=["accuracy"],
)
model.fit(x, y, epochs=8, batch_size=128, validation_data=(x_test, y_test))
print(np.mean(model.predict(x_test).argmax(1) == y_test))
