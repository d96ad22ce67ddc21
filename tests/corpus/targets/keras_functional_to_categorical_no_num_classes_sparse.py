"""Functional-API text classifier over padded token ids. Labels are one-hot
encoded with to_categorical(labels) (no num_classes, so the class count is
not known statically) and the model uses sparse_categorical_crossentropy.

Bug: CE301 only; no CE303 because the number of classes in the targets is
not known without num_classes.
"""
import numpy as np
from tensorflow import keras
from tensorflow.keras import layers
from tensorflow.keras.utils import to_categorical

MAX_LEN = 200
VOCAB = 20000

tokens = np.load("intent_tokens.npy")
labels = np.load("intent_labels.npy")
labels = to_categorical(labels)

inp = keras.Input(shape=(MAX_LEN,), dtype="int32")
x = layers.Embedding(VOCAB, 128)(inp)
x = layers.Bidirectional(layers.LSTM(64))(x)
x = layers.Dropout(0.3)(x)
out = layers.Dense(21, activation="softmax")(x)
model = keras.Model(inp, out)

model.compile(optimizer="adam", loss="sparse_categorical_crossentropy", metrics=["accuracy"])  # error: CE301
model.fit(tokens, labels, batch_size=64, epochs=6, validation_split=0.1)
