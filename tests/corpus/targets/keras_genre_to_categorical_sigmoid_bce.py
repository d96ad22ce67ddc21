"""Music genre classifier: each clip has exactly one genre. The author
one-hot encodes the genre with to_categorical and then uses an 8-unit sigmoid
head with binary_crossentropy, as if the problem were multi-label. The
per-unit losses are independent, the outputs do not sum to one, and the
reported "accuracy" is binary accuracy over 8 columns (~87.5% for free).

Bug: CE203 (multi-unit sigmoid + BCE on single-label one-hot targets).
"""
import numpy as np
from sklearn.model_selection import train_test_split
from tensorflow import keras
from tensorflow.keras import layers
from tensorflow.keras.utils import to_categorical

GENRES = ["blues", "classical", "country", "disco", "hiphop", "jazz", "metal", "pop"]

mfcc = np.load("gtzan_mfcc.npy")          # (n_clips, 130, 13)
genre_idx = np.load("gtzan_genre_idx.npy")  # (n_clips,)

y = to_categorical(genre_idx, num_classes=8)
x_tr, x_va, y_tr, y_va = train_test_split(mfcc, y, test_size=0.2, random_state=0)

model = keras.Sequential([
    layers.Input(shape=(130, 13)),
    layers.Conv1D(64, 3, activation="relu"),
    layers.MaxPooling1D(2),
    layers.Conv1D(128, 3, activation="relu"),
    layers.GlobalAveragePooling1D(),
    layers.Dense(64, activation="relu"),
    layers.Dense(8, activation="sigmoid"),
])

model.compile(optimizer="adam", loss="binary_crossentropy", metrics=["accuracy"])  # error: CE203
model.fit(x_tr, y_tr, validation_data=(x_va, y_va), epochs=40, batch_size=32)

pred = model.predict(x_va).argmax(axis=1)
print("genre accuracy:", (pred == y_va.argmax(axis=1)).mean())
