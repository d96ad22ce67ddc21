"""build_model() helper called with num_classes=1 and activation="sigmoid" for a binary
problem, while compile keeps the multi-class sparse loss.

BUG (CE202): the head is Dense(1, sigmoid) once the call's keyword arguments are
carried in; reported on the loss string.
"""
import numpy as np
import tensorflow as tf

EMBED_DIM = 32


def build_model(vocab_size, num_classes=5, activation="softmax"):
    inputs = tf.keras.Input(shape=(None,), dtype="int32")
    x = tf.keras.layers.Embedding(vocab_size, EMBED_DIM)(inputs)
    x = tf.keras.layers.GlobalAveragePooling1D()(x)
    x = tf.keras.layers.Dense(32, activation="relu")(x)
    outputs = tf.keras.layers.Dense(num_classes, activation=activation)(x)
    return tf.keras.Model(inputs, outputs)


seqs = np.random.randint(1, 8000, size=(3000, 40))
is_toxic = np.random.randint(0, 2, size=(3000,))

model = build_model(8000, num_classes=1, activation="sigmoid")
model.compile(
    optimizer="adam",
    loss="sparse_categorical_crossentropy",  # error: CE202
    metrics=["accuracy"],
)
model.fit(seqs, is_toxic, epochs=5, batch_size=64)
