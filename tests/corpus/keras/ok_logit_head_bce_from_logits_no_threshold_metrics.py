"""Binary logit head with BinaryCrossentropy(from_logits=True) and only a loss-based
metric; probabilities are obtained with tf.sigmoid at inference.

CORRECT: nothing thresholds logits at 0.5.
"""
import numpy as np
import tensorflow as tf
from tensorflow import keras

x = np.random.rand(5000, 12).astype("float32")
y = np.random.randint(0, 2, size=(5000,)).astype("float32")

model = keras.Sequential([
    keras.layers.Input(shape=(12,)),
    keras.layers.Dense(32, activation="relu"),
    keras.layers.Dense(1),
])
model.compile(
    optimizer=keras.optimizers.Adam(1e-3),
    loss=keras.losses.BinaryCrossentropy(from_logits=True),
    metrics=[keras.metrics.BinaryCrossentropy(from_logits=True)],
)
model.fit(x, y, epochs=10, batch_size=64, callbacks=[keras.callbacks.EarlyStopping(patience=3)])
probs = tf.sigmoid(model.predict(x[:10]))
print(probs.numpy().ravel())
