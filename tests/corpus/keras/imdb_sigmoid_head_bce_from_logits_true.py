"""IMDB sentiment model with a sigmoid output and BinaryCrossentropy(from_logits=True).

BUG (CE101): the sigmoid output is a probability, but the loss applies a second
sigmoid because it was told it receives logits.
"""
from tensorflow import keras

VOCAB_SIZE = 20000
MAXLEN = 200

(x_train, y_train), (x_val, y_val) = keras.datasets.imdb.load_data(num_words=VOCAB_SIZE)
x_train = keras.preprocessing.sequence.pad_sequences(x_train, maxlen=MAXLEN)
x_val = keras.preprocessing.sequence.pad_sequences(x_val, maxlen=MAXLEN)

model = keras.Sequential()
model.add(keras.layers.Embedding(VOCAB_SIZE, 64))
model.add(keras.layers.Bidirectional(keras.layers.LSTM(32)))
model.add(keras.layers.Dense(32, activation="relu"))
model.add(keras.layers.Dense(1, activation="sigmoid"))

model.compile(
    optimizer="adam",
    loss=keras.losses.BinaryCrossentropy(from_logits=True),  # error: CE101
    metrics=["accuracy"],
)

early_stop = keras.callbacks.EarlyStopping(monitor="val_loss", patience=2, restore_best_weights=True)
model.fit(x_train, y_train, epochs=10, batch_size=64, validation_data=(x_val, y_val), callbacks=[early_stop])
