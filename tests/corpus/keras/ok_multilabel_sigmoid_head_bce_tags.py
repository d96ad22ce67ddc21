"""Multi-label StackOverflow tag prediction: 8 sigmoid outputs + binary_crossentropy.

CORRECT: several independent sigmoids with binary cross-entropy is the standard
multi-label setup (not CE203/CE204). 'accuracy' here is binary accuracy on probabilities.
"""
import numpy as np
import keras
from keras import layers

NUM_TAGS = 8

questions = np.random.rand(7000, 512).astype("float32")
tags = (np.random.rand(7000, NUM_TAGS) > 0.8).astype("float32")

model = keras.Sequential([
    keras.Input(shape=(512,)),
    layers.Dense(256, activation="relu"),
    layers.Dropout(0.4),
    layers.Dense(NUM_TAGS, activation="sigmoid"),
])
model.compile(
    optimizer="adam",
    loss="binary_crossentropy",
    metrics=["accuracy", keras.metrics.AUC(multi_label=True)],
)
model.fit(questions, tags, epochs=10, batch_size=128, validation_split=0.2)
