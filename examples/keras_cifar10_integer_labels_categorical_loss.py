"""CIFAR-10 convnet: the integer labels of load_data() go straight into categorical cross-entropy.

categorical_crossentropy expects one-hot targets of shape (N, 10); the labels are (N, 1) class ids.
Keras raises when fit() starts ("Arguments `target` and `output` must have the same shape").
"""
import keras
from keras import layers

(x_train, y_train), (x_test, y_test) = keras.datasets.cifar10.load_data()
x_train, x_test = x_train / 255.0, x_test / 255.0

data_augmentation = keras.Sequential([layers.RandomFlip("horizontal"), layers.RandomTranslation(0.1, 0.1)])

inputs = keras.Input(shape=(32, 32, 3))
x = data_augmentation(inputs)
for filters in (32, 64, 128):
    x = layers.Conv2D(filters, 3, padding="same", activation="relu")(x)
    x = layers.BatchNormalization()(x)
    x = layers.MaxPooling2D()(x)
x = layers.GlobalAveragePooling2D()(x)
outputs = layers.Dense(10, activation="softmax")(x)
model = keras.Model(inputs, outputs)

model.compile(optimizer="adam", loss="categorical_crossentropy", metrics=["accuracy"])  # error: CE302
model.fit(x_train, y_train, epochs=30, batch_size=64, validation_data=(x_test, y_test))
