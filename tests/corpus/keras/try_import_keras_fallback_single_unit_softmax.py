"""A script that runs with either tf.keras or standalone Keras, whichever is installed.

BUG (CE201): Dense(1, activation="softmax") always outputs 1.0.
"""
import numpy as np

try:
    from tensorflow import keras
except ImportError:
    import keras

X = np.load("reviews_tfidf.npy")
y = np.load("reviews_labels.npy")

model = keras.Sequential([
    keras.layers.Dense(256, activation="relu", input_shape=(X.shape[1],)),
    keras.layers.Dropout(0.5),
    keras.layers.Dense(1, activation="softmax"),  # error: CE201
])
model.compile(optimizer="adam", loss="binary_crossentropy", metrics=["accuracy"])
model.fit(X, y, epochs=5, validation_split=0.2)
