"""Multi-label satellite scene tagging with a linear 17-unit head and
BinaryCrossentropy(from_logits=True); metrics configured for logits.

CORRECT: logits into a logits loss; AUC(from_logits=True) and
BinaryAccuracy(threshold=0.0) are logit-aware.
"""
import numpy as np
import tensorflow as tf
from tensorflow.keras import layers as L

NUM_LABELS = 17

chips = np.random.rand(2000, 64, 64, 3).astype("float32")
labels = (np.random.rand(2000, NUM_LABELS) > 0.85).astype("float32")

inputs = tf.keras.Input(shape=(64, 64, 3))
x = L.Conv2D(32, 3, activation="relu")(inputs)
x = L.MaxPooling2D()(x)
x = L.Conv2D(64, 3, activation="relu")(x)
x = L.GlobalAveragePooling2D()(x)
logits = L.Dense(NUM_LABELS)(x)
model = tf.keras.Model(inputs=inputs, outputs=logits)

model.compile(
    optimizer=tf.keras.optimizers.Adam(1e-3),
    loss=tf.keras.losses.BinaryCrossentropy(from_logits=True),
    metrics=[
        tf.keras.metrics.AUC(multi_label=True, num_labels=NUM_LABELS, from_logits=True),
        tf.keras.metrics.BinaryAccuracy(threshold=0.0),
    ],
)
model.fit(chips, labels, epochs=12, batch_size=32)
