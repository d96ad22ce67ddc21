"""Script pinned to Keras 2 via the tf_keras package: a linear single-unit head with the
default BinaryCrossentropy.

BUG (CE102): Dense(1) without activation, loss expects probabilities.
"""
import numpy as np
import tf_keras

x = np.random.rand(4000, 30).astype("float32")
y = np.random.randint(0, 2, size=(4000, 1)).astype("float32")

model = tf_keras.Sequential([
    tf_keras.layers.Dense(64, activation="relu", input_shape=(30,)),
    tf_keras.layers.Dense(64, activation="relu"),
    tf_keras.layers.Dense(1),
])

model.compile(
    optimizer=tf_keras.optimizers.Adam(1e-3),
    loss=tf_keras.losses.BinaryCrossentropy(),  # error: CE102
)
model.fit(x, y, epochs=20, batch_size=32, callbacks=[tf_keras.callbacks.ReduceLROnPlateau(patience=3)])
