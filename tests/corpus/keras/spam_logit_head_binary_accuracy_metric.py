"""Spam filter on bag-of-words features, linear output, BinaryAccuracy() metric.

BUG (CE105): BinaryAccuracy() thresholds at 0.5, but the model emits logits
(the loss is BinaryCrossentropy(from_logits=True)).
"""
import numpy as np
import tensorflow as tf
from tensorflow.keras.losses import BinaryCrossentropy
from tensorflow.keras.metrics import BinaryAccuracy

VOCAB = 5000

bow = np.random.binomial(1, 0.01, size=(6000, VOCAB)).astype("float32")
is_spam = np.random.randint(0, 2, size=(6000,)).astype("float32")

model = tf.keras.Sequential([
    tf.keras.layers.Input(shape=(VOCAB,)),
    tf.keras.layers.Dense(32, activation="relu"),
    tf.keras.layers.Dense(1),
])

model.compile(
    optimizer=tf.keras.optimizers.Adam(2e-3),
    loss=BinaryCrossentropy(from_logits=True),
    metrics=[BinaryAccuracy()],  # error: CE105
)
model.fit(bow, is_spam, epochs=6, batch_size=64, validation_split=0.1)
