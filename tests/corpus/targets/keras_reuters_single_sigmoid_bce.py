# Reuters newswires copied from the IMDB example: 46 topics, one sigmoid unit.
import numpy as np
from tensorflow import keras
from tensorflow.keras.datasets import reuters

(train_data, train_labels), _ = reuters.load_data(num_words=10000)
tokenizer = keras.preprocessing.text.Tokenizer(num_words=10000)
x_train = tokenizer.sequences_to_matrix(train_data, mode="binary")

model = keras.models.Sequential([
    keras.layers.Dense(64, activation="relu", input_shape=(10000,)),
    keras.layers.Dense(1, activation="sigmoid"),  # error: CE303
])
model.compile(optimizer="rmsprop", loss="binary_crossentropy", metrics=["accuracy"])
model.fit(x_train, train_labels, epochs=9, batch_size=512, validation_split=0.1)
