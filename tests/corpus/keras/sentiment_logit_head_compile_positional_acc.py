"""Tweet sentiment with compile() given the optimizer and loss positionally and the
metrics by keyword.

BUG (CE105): the 'acc' metric thresholds logits at 0.5; the head is Dense(1) and
the loss is BinaryCrossentropy(from_logits=True).
"""
import numpy as np
from tensorflow import keras

MAXLEN = 64
VOCAB = 15000

tokens = np.random.randint(1, VOCAB, size=(4000, MAXLEN))
labels = np.random.randint(0, 2, size=(4000,))

model = keras.Sequential([
    keras.layers.Embedding(VOCAB, 128),
    keras.layers.GlobalAveragePooling1D(),
    keras.layers.Dense(24, activation="relu"),
    keras.layers.Dense(1),
])
model.compile(
    keras.optimizers.Adam(1e-3),
    keras.losses.BinaryCrossentropy(from_logits=True),
    metrics=["acc"],  # error: CE105
)
model.fit(tokens, labels, epochs=4, batch_size=32, validation_split=0.2)
