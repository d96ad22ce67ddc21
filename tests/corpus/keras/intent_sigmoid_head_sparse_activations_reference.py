"""Chatbot intent classifier (8 intents) whose head uses keras.activations.sigmoid.

BUG (CE204): SparseCategoricalCrossentropy() on eight independent sigmoid units.
"""
import numpy as np
import keras
from keras import layers

NUM_INTENTS = 8

utterances = np.random.randint(1, 3000, size=(2400, 20))
intent_ids = np.random.randint(0, NUM_INTENTS, size=(2400,))

model = keras.Sequential([
    keras.Input(shape=(20,), dtype="int32"),
    layers.Embedding(3000, 48),
    layers.GRU(64),
    layers.Dense(NUM_INTENTS, activation=keras.activations.sigmoid),
])
model.compile(
    optimizer=keras.optimizers.Adam(1e-3),
    loss=keras.losses.SparseCategoricalCrossentropy(),  # error: CE204
    metrics=["sparse_categorical_accuracy"],
)
model.fit(utterances, intent_ids, epochs=12, batch_size=32)
