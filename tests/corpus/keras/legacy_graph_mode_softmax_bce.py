"""Legacy TF1-style script (eager execution disabled) classifying 10 digits with a
softmax head and binary_crossentropy.

BUG (CE203): BCE on a 10-way softmax head.
"""
import numpy as np
import tensorflow as tf

tf.compat.v1.disable_eager_execution()

(x_train, y_train), _ = tf.keras.datasets.mnist.load_data()
x_train = x_train.reshape(-1, 784).astype(np.float32) / 255.0
y_train = tf.keras.utils.to_categorical(y_train, 10)

model = tf.keras.models.Sequential()
model.add(tf.keras.layers.Dense(512, activation="relu", input_shape=(784,)))
model.add(tf.keras.layers.Dropout(0.2))
model.add(tf.keras.layers.Dense(10, activation="softmax"))

model.compile(loss="binary_crossentropy", optimizer=tf.keras.optimizers.RMSprop(), metrics=["accuracy"])  # error: CE203
model.fit(x_train, y_train, batch_size=128, epochs=5, verbose=1)
