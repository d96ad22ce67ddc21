"""build_model() with module-constant defaults (NUM_CLASSES = 10, softmax) called with no
arguments, then compiled with binary_crossentropy.

BUG (CE203): the carried-in head is a 10-way softmax; BCE scores each unit independently.
"""
import numpy as np
import tensorflow as tf

NUM_CLASSES = 10


def build_model(num_classes=NUM_CLASSES, activation="softmax"):
    model = tf.keras.Sequential(name="svhn_cnn")
    model.add(tf.keras.layers.Input(shape=(32, 32, 3)))
    model.add(tf.keras.layers.Conv2D(32, 3, activation="relu"))
    model.add(tf.keras.layers.MaxPooling2D())
    model.add(tf.keras.layers.Conv2D(64, 3, activation="relu"))
    model.add(tf.keras.layers.GlobalAveragePooling2D())
    model.add(tf.keras.layers.Dense(num_classes, activation=activation))
    return model


x = np.random.rand(5000, 32, 32, 3).astype("float32")
y = tf.keras.utils.to_categorical(np.random.randint(0, NUM_CLASSES, size=5000), NUM_CLASSES)

model = build_model()
model.summary()
model.compile(optimizer="adam", loss=tf.keras.losses.BinaryCrossentropy(), metrics=["accuracy"])  # error: CE203
model.fit(x, y, epochs=10, batch_size=128)
