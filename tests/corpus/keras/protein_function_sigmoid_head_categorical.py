"""Protein function predictor with five sigmoid outputs trained with categorical_crossentropy.

BUG (CE204): categorical cross-entropy assumes the outputs sum to one; on independent
sigmoids it only pushes the target unit up and never pushes the others down.
"""
import numpy as np
import tensorflow as tf
from tensorflow.keras import layers

NUM_FUNCTIONS = 5

seqs = np.random.randint(0, 21, size=(6000, 500))
targets = tf.keras.utils.to_categorical(np.random.randint(0, NUM_FUNCTIONS, size=6000), NUM_FUNCTIONS)

model = tf.keras.Sequential([
    layers.Embedding(21, 32, input_length=500),
    layers.Conv1D(64, 9, activation="relu"),
    layers.GlobalMaxPooling1D(),
    layers.Dense(64, activation="relu"),
    layers.Dense(NUM_FUNCTIONS, activation="sigmoid"),
])
model.compile(optimizer="adam", loss="categorical_crossentropy", metrics=["accuracy"])  # error: CE204
model.fit(seqs, targets, epochs=10, batch_size=128, validation_split=0.1)
