"""Reuters newswire topics (46 exclusive classes) with a softmax head and binary cross-entropy.

Binary cross-entropy scores the 46 outputs as independent yes/no questions, so the true class is
only 1/46 of the loss; and binary accuracy, when asked for, starts at 45/46 = 0.98 for a model
that predicts nothing at all.
"""
import numpy as np
import keras
from keras import layers

NUM_WORDS = 10000
NUM_TOPICS = 46

(train_data, train_labels), (test_data, test_labels) = keras.datasets.reuters.load_data(num_words=NUM_WORDS)


def vectorize(sequences, dimension=NUM_WORDS):
    results = np.zeros((len(sequences), dimension), dtype="float32")
    for i, sequence in enumerate(sequences):
        results[i, sequence] = 1.0
    return results


x_train, x_test = vectorize(train_data), vectorize(test_data)
y_train = keras.utils.to_categorical(train_labels, NUM_TOPICS)
y_test = keras.utils.to_categorical(test_labels, NUM_TOPICS)

model = keras.Sequential([
    keras.Input(shape=(NUM_WORDS,)),
    layers.Dense(64, activation="relu"),
    layers.Dense(64, activation="relu"),
    layers.Dense(NUM_TOPICS, activation="softmax"),
])
model.compile(optimizer="rmsprop", loss="binary_crossentropy", metrics=["binary_accuracy"])  # error: CE203
model.fit(x_train, y_train, epochs=20, batch_size=512, validation_data=(x_test, y_test))
