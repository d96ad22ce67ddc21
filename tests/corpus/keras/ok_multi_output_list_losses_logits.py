"""Two-output document model, losses as a list in output order: topic logits
(Dense(20), SCCE from_logits=True) and an is_spam sigmoid (binary_crossentropy).

CORRECT: each list entry matches its head.
"""
import numpy as np
import keras
from keras import layers

docs = np.random.rand(4000, 256).astype("float32")
topic = np.random.randint(0, 20, size=(4000,))
spam = np.random.randint(0, 2, size=(4000,)).astype("float32")

inp = keras.Input(shape=(256,))
h = layers.Dense(128, activation="relu")(inp)
topic_logits = layers.Dense(20, name="topic")(h)
spam_prob = layers.Dense(1, activation="sigmoid", name="spam")(h)

model = keras.Model(inputs=inp, outputs=[topic_logits, spam_prob])
model.compile(
    optimizer="adam",
    loss=[
        keras.losses.SparseCategoricalCrossentropy(from_logits=True),
        "binary_crossentropy",
    ],
    loss_weights=[1.0, 0.5],
)
model.fit(docs, [topic, spam], epochs=8, batch_size=64)
