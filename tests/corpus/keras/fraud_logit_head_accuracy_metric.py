"""Fraud detection with a single-logit head trained with BCE(from_logits=True).

The loss is right, but 'accuracy' resolves to binary accuracy at threshold 0.5,
applied to raw logits (the decision boundary of a logit is 0).
BUG (CE105): reported on the 'accuracy' string.
"""
import numpy as np
from tensorflow import keras
from tensorflow.keras import layers

transactions = np.load("transactions.npy")
is_fraud = np.load("is_fraud.npy").astype("float32")

model = keras.Sequential([
    layers.Input(shape=(transactions.shape[1],)),
    layers.Dense(128, activation="relu"),
    layers.Dropout(0.3),
    layers.Dense(64, activation="relu"),
    layers.Dense(1),
])

model.compile(
    optimizer=keras.optimizers.Adam(learning_rate=1e-3),
    loss=keras.losses.BinaryCrossentropy(from_logits=True),
    metrics=["accuracy"],  # error: CE105
)
model.fit(
    transactions,
    is_fraud,
    epochs=20,
    batch_size=512,
    validation_split=0.2,
    class_weight={0: 1.0, 1: 25.0},
)
