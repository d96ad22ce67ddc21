"""Fraud detection with a single-logit head, BCE(from_logits=True) and
BinaryAccuracy(threshold=0.0).

CORRECT: the metric thresholds logits at 0, which is probability 0.5.
"""
import numpy as np
from tensorflow import keras
from tensorflow.keras import layers

transactions = np.random.rand(20000, 30).astype("float32")
is_fraud = (np.random.rand(20000) < 0.02).astype("float32")

model = keras.Sequential([
    layers.Input(shape=(30,)),
    layers.Dense(64, activation="relu"),
    layers.Dense(32, activation="relu"),
    layers.Dense(1),
])
model.compile(
    optimizer="adam",
    loss=keras.losses.BinaryCrossentropy(from_logits=True),
    metrics=[keras.metrics.BinaryAccuracy(threshold=0.0), keras.metrics.AUC(from_logits=True)],
)
model.fit(transactions, is_fraud, epochs=10, batch_size=256, validation_split=0.2)
