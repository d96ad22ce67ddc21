"""Traffic-sign classifier (43 classes) using activation=tf.keras.activations.softmax and
the loss function reference tf.keras.losses.sparse_categorical_crossentropy.

CORRECT: softmax probabilities into a probability loss.
"""
import numpy as np
import tensorflow as tf

NUM_SIGNS = 43

signs = np.random.rand(4000, 32, 32, 3).astype("float32")
sign_ids = np.random.randint(0, NUM_SIGNS, size=(4000,))

model = tf.keras.Sequential([
    tf.keras.layers.Input(shape=(32, 32, 3)),
    tf.keras.layers.Conv2D(32, 5, activation="relu"),
    tf.keras.layers.MaxPooling2D(),
    tf.keras.layers.Conv2D(64, 3, activation="relu"),
    tf.keras.layers.MaxPooling2D(),
    tf.keras.layers.Flatten(),
    tf.keras.layers.Dense(256, activation="relu"),
    tf.keras.layers.Dense(NUM_SIGNS, activation=tf.keras.activations.softmax),
])
model.compile(
    optimizer="adam",
    loss=tf.keras.losses.sparse_categorical_crossentropy,
    metrics=["accuracy"],
)
model.fit(signs, sign_ids, epochs=10, batch_size=64, validation_split=0.2)
