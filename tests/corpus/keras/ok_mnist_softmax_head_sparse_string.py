"""MNIST MLP with a softmax head and the 'sparse_categorical_crossentropy' string.

CORRECT: the loss expects probabilities (from_logits=False by default) and gets them.
"""
import keras
from keras import layers

(x_train, y_train), (x_test, y_test) = keras.datasets.mnist.load_data()
x_train = x_train.reshape(-1, 784).astype("float32") / 255.0
x_test = x_test.reshape(-1, 784).astype("float32") / 255.0

model = keras.Sequential(
    [
        keras.Input(shape=(784,)),
        layers.Dense(256, activation="relu"),
        layers.Dropout(0.2),
        layers.Dense(10, activation="softmax"),
    ]
)
model.compile(optimizer="adam", loss="sparse_categorical_crossentropy", metrics=["accuracy"])
model.summary()
model.fit(x_train, y_train, batch_size=128, epochs=5, validation_split=0.1)
print(model.evaluate(x_test, y_test, verbose=0))
