"""Legacy TF1-style training with eager execution disabled; 10-way softmax head with
categorical_crossentropy.

CORRECT: the loss/head pairing is right (graph mode changes nothing here).
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
model.compile(loss="categorical_crossentropy", optimizer=tf.keras.optimizers.RMSprop(), metrics=["accuracy"])
model.fit(x_train, y_train, batch_size=128, epochs=5)
