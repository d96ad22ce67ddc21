"""MNIST convnet: labels one-hot encoded with to_categorical, loss still sparse.

sparse_categorical_crossentropy expects one integer class index per image. Keras 3 raises at the
first batch ("Arguments `target` and `output` must have the same shape up until the last
dimension"), after the data pipeline and the model have been built.
"""
import keras
from keras import layers

NUM_CLASSES = 10
INPUT_SHAPE = (28, 28, 1)

(x_train, y_train), (x_test, y_test) = keras.datasets.mnist.load_data()
x_train = x_train.astype("float32")[..., None] / 255.0
x_test = x_test.astype("float32")[..., None] / 255.0
y_train = keras.utils.to_categorical(y_train, NUM_CLASSES)
y_test = keras.utils.to_categorical(y_test, NUM_CLASSES)

model = keras.Sequential([
    keras.Input(shape=INPUT_SHAPE),
    layers.Conv2D(32, kernel_size=(3, 3), activation="relu"),
    layers.MaxPooling2D(pool_size=(2, 2)),
    layers.Conv2D(64, kernel_size=(3, 3), activation="relu"),
    layers.MaxPooling2D(pool_size=(2, 2)),
    layers.Flatten(),
    layers.Dropout(0.5),
    layers.Dense(NUM_CLASSES, activation="softmax"),
])
model.compile(
    optimizer="adam",
    loss="sparse_categorical_crossentropy",  # error: CE301
    metrics=["accuracy"],
)
model.fit(x_train, y_train, batch_size=128, epochs=15, validation_data=(x_test, y_test))
