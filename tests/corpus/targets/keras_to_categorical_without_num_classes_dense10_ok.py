"""Correct: to_categorical(y_train) without num_classes infers the class count
from the data at run time, so statically the number of classes is unknown and
the Dense(10, softmax) head cannot be reported as a width mismatch (CE303).
One-hot targets + categorical loss is the right pairing. No finding.
"""
import numpy as np
from keras.datasets import mnist
from keras.models import Sequential
from keras.layers import Dense, Flatten
from keras.utils import to_categorical

(x_train, y_train), (x_test, y_test) = mnist.load_data()
x_train = x_train.astype("float32") / 255.0
x_test = x_test.astype("float32") / 255.0

y_train = to_categorical(y_train)
y_test = to_categorical(y_test)

model = Sequential()
model.add(Flatten(input_shape=(28, 28)))
model.add(Dense(300, activation="relu"))
model.add(Dense(100, activation="relu"))
model.add(Dense(10, activation="softmax"))

model.compile(loss="categorical_crossentropy", optimizer="sgd", metrics=["accuracy"])
history = model.fit(x_train, y_train, epochs=20, batch_size=32, validation_data=(x_test, y_test))

errors = np.argmax(model.predict(x_test), axis=1) != np.argmax(y_test, axis=1)
print("misclassified:", errors.sum())
