"""Correct: a shape smoke test for a keyword-spotting model with fake labels
from np.random.randint(0, 35, size=N): integer ids for 35 keywords, a
Dense(35, softmax) head and sparse_categorical_crossentropy. No finding.
"""
import numpy as np
import tensorflow as tf

N_KEYWORDS = 35
N = 256

spectrograms = np.random.rand(N, 49, 40, 1).astype("float32")
labels = np.random.randint(0, N_KEYWORDS, size=N)

model = tf.keras.Sequential([
    tf.keras.layers.Input(shape=(49, 40, 1)),
    tf.keras.layers.Conv2D(64, (10, 4), strides=(2, 2), padding="same", activation="relu"),
    tf.keras.layers.DepthwiseConv2D(3, padding="same", activation="relu"),
    tf.keras.layers.Conv2D(64, 1, activation="relu"),
    tf.keras.layers.GlobalAveragePooling2D(),
    tf.keras.layers.Dense(N_KEYWORDS, activation="softmax"),
])

model.compile(optimizer="adam", loss="sparse_categorical_crossentropy", metrics=["accuracy"])
model.fit(spectrograms[:200], labels[:200], validation_data=(spectrograms[200:], labels[200:]), epochs=1, batch_size=32)
out = model.predict(spectrograms[:4])
assert out.shape == (4, N_KEYWORDS)
print("ok", out.sum(axis=1))
