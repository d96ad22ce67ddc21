"""Keras attention layer for an LSTM text classifier, the way blog posts write it: Dense(1) scores
per time step, Flatten, softmax over time, RepeatVector and Permute to weight the states.

CORRECT: Flatten turns (batch, steps, 1) into (batch, steps); the softmax runs over the steps.
"""
from keras import layers
from keras.models import Model

MAX_LEN = 100

inputs = layers.Input(shape=(MAX_LEN,))
x = layers.Embedding(20000, 128)(inputs)
states = layers.LSTM(64, return_sequences=True)(x)

attention = layers.Dense(1, activation="tanh")(states)
attention = layers.Flatten()(attention)
attention = layers.Activation("softmax")(attention)
attention = layers.RepeatVector(64)(attention)
attention = layers.Permute([2, 1])(attention)

weighted = layers.Multiply()([states, attention])
pooled = layers.Lambda(lambda t: layers.K.sum(t, axis=1))(weighted)
outputs = layers.Dense(1, activation="sigmoid")(pooled)

model = Model(inputs, outputs)
model.compile(optimizer="adam", loss="binary_crossentropy", metrics=["accuracy"])
