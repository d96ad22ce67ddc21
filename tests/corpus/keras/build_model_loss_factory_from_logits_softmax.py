"""Experiment runner: the loss class is passed to the model builder as a factory and instantiated
inside with from_logits=True, while the head still ends in softmax.

BUG (CE101): from_logits=True on a softmax head.
"""
from tensorflow import keras


def build_model(n_classes, loss_factory, hidden=(256, 128)):
    model = keras.Sequential([keras.layers.Input(shape=(784,))])
    for units in hidden:
        model.add(keras.layers.Dense(units, activation="relu"))
    model.add(keras.layers.Dense(n_classes, activation="softmax"))
    model.compile(
        optimizer=keras.optimizers.Adam(1e-3),
        loss=loss_factory(from_logits=True),  # error: CE101
        metrics=["accuracy"],
    )
    return model


(x_train, y_train), (x_test, y_test) = keras.datasets.mnist.load_data()
x_train = x_train.reshape(-1, 784).astype("float32") / 255.0

model = build_model(10, loss_factory=keras.losses.SparseCategoricalCrossentropy)
model.fit(x_train, y_train, epochs=5, batch_size=128)
