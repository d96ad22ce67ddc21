"""News topic classifier compiled with a loss *function reference*.

BUG (CE102): keras.losses.categorical_crossentropy defaults to from_logits=False but
the head Dense(NUM_TOPICS) is linear. Finding on the line of the function reference.
"""
import numpy as np
import keras
from keras import layers

NUM_TOPICS = 4
MAX_TOKENS = 10000

texts = np.array(["stocks rally", "team wins final", "new phone launched", "election results"] * 500)
topics = keras.utils.to_categorical(np.arange(2000) % NUM_TOPICS, NUM_TOPICS)

vectorizer = layers.TextVectorization(max_tokens=MAX_TOKENS, output_mode="tf_idf")
vectorizer.adapt(texts)
x = vectorizer(texts)

model = keras.Sequential([
    keras.Input(shape=(MAX_TOKENS,)),
    layers.Dense(64, activation="relu"),
    layers.Dense(NUM_TOPICS),
])
model.compile(
    optimizer="adam",
    loss=keras.losses.categorical_crossentropy,  # error: CE102
    metrics=["accuracy"],
)
model.fit(x, topics, epochs=5, batch_size=32)
