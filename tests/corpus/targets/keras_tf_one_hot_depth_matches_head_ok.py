"""Correct: intent classifier where NUM_INTENTS is used both for
tf.one_hot(..., depth=NUM_INTENTS) and for the Dense head, compiled with
CategoricalCrossentropy. Targets and head agree on 7 classes. No finding.
"""
import numpy as np
import tensorflow as tf

NUM_INTENTS = 7
SEQ_LEN = 32

token_ids = np.load("snips_tokens.npy")
intent_ids = np.load("snips_intents.npy")

targets = tf.one_hot(intent_ids, depth=NUM_INTENTS)

dataset = tf.data.Dataset.from_tensor_slices((token_ids, targets))
dataset = dataset.shuffle(len(token_ids)).batch(32)

model = tf.keras.Sequential([
    tf.keras.layers.Input(shape=(SEQ_LEN,), dtype="int32"),
    tf.keras.layers.Embedding(12000, 100, mask_zero=True),
    tf.keras.layers.GRU(64),
    tf.keras.layers.Dense(64, activation="relu"),
    tf.keras.layers.Dense(NUM_INTENTS, activation="softmax"),
])

model.compile(
    optimizer="adam",
    loss=tf.keras.losses.CategoricalCrossentropy(),
    metrics=[tf.keras.metrics.CategoricalAccuracy()],
)
model.fit(dataset, epochs=12)
model.save("intent_gru.keras")
