"""Audio keyword spotting (12 keywords) with layers imported as `kl` via module aliasing.

BUG (CE101): Dense(12, activation="softmax") with SparseCategoricalCrossentropy(from_logits=True).
"""
import numpy as np
import tensorflow as tf
import tensorflow.keras.layers as kl

NUM_KEYWORDS = 12

spectrograms = np.random.rand(5000, 49, 40, 1).astype("float32")
keyword_ids = np.random.randint(0, NUM_KEYWORDS, size=(5000,))

model = tf.keras.Sequential([
    kl.Input(shape=(49, 40, 1)),
    kl.Conv2D(32, (3, 3), activation="relu"),
    kl.BatchNormalization(),
    kl.MaxPooling2D((2, 2)),
    kl.Conv2D(64, (3, 3), activation="relu"),
    kl.GlobalAveragePooling2D(),
    kl.Dense(NUM_KEYWORDS, activation="softmax"),
])
model.compile(
    optimizer="adam",
    loss=tf.keras.losses.SparseCategoricalCrossentropy(from_logits=True),  # error: CE101
    metrics=["accuracy"],
)
model.fit(spectrograms, keyword_ids, epochs=10, batch_size=64, validation_split=0.1)
