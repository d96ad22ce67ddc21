"""Review classifier with attention pooling: Dense(1) scores per time step, then
Softmax(axis=1) over the time axis. The actual head is Dense(1, "sigmoid").

CORRECT: the width-1 softmax normalises over time steps (axis=1), not over a single
class unit, and it is not the model's output (no CE201).
"""
import numpy as np
import tensorflow as tf
from tensorflow.keras import layers

MAXLEN = 120
VOCAB = 20000

tokens = np.random.randint(1, VOCAB, size=(5000, MAXLEN))
labels = np.random.randint(0, 2, size=(5000,)).astype("float32")

inputs = tf.keras.Input(shape=(MAXLEN,), dtype="int32")
h = layers.Embedding(VOCAB, 128)(inputs)
h = layers.Bidirectional(layers.GRU(64, return_sequences=True))(h)
scores = layers.Dense(1)(h)
weights = layers.Softmax(axis=1)(scores)
context = layers.Dot(axes=1)([weights, h])
context = layers.Flatten()(context)
outputs = layers.Dense(1, activation="sigmoid")(context)
model = tf.keras.Model(inputs, outputs)

model.compile(optimizer="adam", loss="binary_crossentropy", metrics=["accuracy"])
model.fit(tokens, labels, epochs=4, batch_size=64, validation_split=0.1)
