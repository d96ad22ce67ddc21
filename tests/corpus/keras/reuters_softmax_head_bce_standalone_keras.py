"""Reuters newswire topics (46 classes) with a softmax head but binary_crossentropy,
under standalone Keras 3 with metrics=["accuracy"].

BUG (CE203): BCE treats each of the 46 softmax outputs as an independent binary
problem; with 'accuracy' the reported score is inflated and meaningless.
"""
import numpy as np
import keras
from keras import layers

NUM_WORDS = 10000
NUM_TOPICS = 46

(train_data, train_labels), (test_data, test_labels) = keras.datasets.reuters.load_data(num_words=NUM_WORDS)


def vectorize(seqs, dim=NUM_WORDS):
    out = np.zeros((len(seqs), dim), dtype="float32")
    for i, s in enumerate(seqs):
        out[i, s] = 1.0
    return out


x_train, x_test = vectorize(train_data), vectorize(test_data)
y_train = keras.utils.to_categorical(train_labels, NUM_TOPICS)
y_test = keras.utils.to_categorical(test_labels, NUM_TOPICS)

model = keras.Sequential([
    keras.Input(shape=(NUM_WORDS,)),
    layers.Dense(64, activation="relu"),
    layers.Dense(64, activation="relu"),
    layers.Dense(NUM_TOPICS, activation="softmax"),
])
model.compile(optimizer="rmsprop", loss="binary_crossentropy", metrics=["accuracy"])  # error: CE203
model.fit(x_train, y_train, epochs=9, batch_size=512, validation_data=(x_test, y_test))
