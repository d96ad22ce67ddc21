"""Multi-label genre tagger: six sigmoid outputs, CategoricalCrossentropy(from_logits=True).

Two things look wrong (sigmoid head with categorical loss, and probabilities fed to a
logits loss), but they share one root cause: the from_logits flag.
BUG (CE101 only; CE101 beats CE204 for this head/loss pair).
"""
import numpy as np
import keras
from keras import layers

NUM_GENRES = 6

features = np.random.rand(5000, 300).astype("float32")
genres = (np.random.rand(5000, NUM_GENRES) > 0.7).astype("float32")

model = keras.Sequential([
    keras.Input(shape=(300,)),
    layers.Dense(512, activation="relu"),
    layers.Dropout(0.3),
    layers.Dense(256, activation="relu"),
    layers.Dense(NUM_GENRES, activation="sigmoid"),
])

model.compile(
    optimizer="adam",
    loss=keras.losses.CategoricalCrossentropy(from_logits=True),  # error: CE101
)
model.fit(features, genres, epochs=15, batch_size=64, validation_split=0.2)
scores = model.predict(features[:10])
print((scores > 0.5).astype(int))
