"""Correct (flow-sensitive look-alike): a two-stage script. Stage 1 trains a
linear probe with the integer CIFAR-10 labels and a sparse loss. Afterwards
y_train is re-bound to to_categorical(y_train, 10) and stage 2 fine-tunes a
second model with categorical_crossentropy. Each loss sees the encoding that
the name holds at the point of its fit() call. No finding.
"""
from tensorflow import keras
from tensorflow.keras.utils import to_categorical

(x_train, y_train), (x_test, y_test) = keras.datasets.cifar10.load_data()
x_train = x_train.astype("float32") / 255.0
x_test = x_test.astype("float32") / 255.0

probe = keras.Sequential([
    keras.layers.Input(shape=(32, 32, 3)),
    keras.layers.Flatten(),
    keras.layers.Dense(10, activation="softmax"),
])
probe.compile(optimizer="sgd", loss="sparse_categorical_crossentropy", metrics=["accuracy"])
probe.fit(x_train, y_train, epochs=2, batch_size=256, validation_data=(x_test, y_test))

y_train = to_categorical(y_train, 10)
y_test = to_categorical(y_test, 10)

net = keras.Sequential([
    keras.layers.Input(shape=(32, 32, 3)),
    keras.layers.Conv2D(32, 3, activation="relu"),
    keras.layers.MaxPooling2D(),
    keras.layers.Conv2D(64, 3, activation="relu"),
    keras.layers.GlobalAveragePooling2D(),
    keras.layers.Dense(10, activation="softmax"),
])
net.compile(optimizer="adam", loss="categorical_crossentropy", metrics=["accuracy"])
net.fit(x_train, y_train, epochs=10, batch_size=64, validation_data=(x_test, y_test))
