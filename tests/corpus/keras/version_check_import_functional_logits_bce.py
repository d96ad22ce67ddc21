"""Old research code that picks its Keras by Python version.

BUG (CE102): BinaryCrossentropy() (from_logits=False) on a linear one-unit head.
"""
import sys

if sys.version_info >= (3, 6):
    import tensorflow.keras as K
else:
    import keras as K

inputs = K.Input(shape=(128,))
hidden = K.layers.Dense(64, activation="tanh")(inputs)
score = K.layers.Dense(1)(hidden)

detector = K.Model(inputs, score)
detector.compile(optimizer="sgd", loss=K.losses.BinaryCrossentropy())  # error: CE102
detector.fit(embeddings, is_duplicate, batch_size=512, epochs=3)
