"""IMDB sentiment LSTM: Dense(1, activation="sigmoid") + 'binary_crossentropy' + accuracy.

CORRECT: probabilities into a probability loss; accuracy at 0.5 is right for a sigmoid.
"""
from tensorflow import keras
from tensorflow.keras import layers

VOCAB_SIZE = 20000
MAXLEN = 200

(x_train, y_train), (x_val, y_val) = keras.datasets.imdb.load_data(num_words=VOCAB_SIZE)
x_train = keras.utils.pad_sequences(x_train, maxlen=MAXLEN)
x_val = keras.utils.pad_sequences(x_val, maxlen=MAXLEN)

inputs = keras.Input(shape=(None,), dtype="int32")
x = layers.Embedding(VOCAB_SIZE, 128)(inputs)
x = layers.Bidirectional(layers.LSTM(64, return_sequences=True))(x)
x = layers.Bidirectional(layers.LSTM(64))(x)
outputs = layers.Dense(1, activation="sigmoid")(x)
model = keras.Model(inputs, outputs)
model.summary()

model.compile(optimizer="adam", loss="binary_crossentropy", metrics=["accuracy"])
model.fit(x_train, y_train, batch_size=32, epochs=2, validation_data=(x_val, y_val))
