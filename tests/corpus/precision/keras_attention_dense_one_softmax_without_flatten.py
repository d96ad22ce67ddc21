"""The same attention layer with the Flatten forgotten (and a Reshape that keeps the unit axis):
the softmax runs over the single unit of each time step, so every attention weight is 1.0.
"""
from keras import layers
from keras.models import Model

MAX_LEN = 100

inputs = layers.Input(shape=(MAX_LEN,))
x = layers.Embedding(20000, 128)(inputs)
states = layers.LSTM(64, return_sequences=True)(x)

attention = layers.Dense(1, activation="tanh")(states)
attention = layers.Reshape((MAX_LEN, 1))(attention)
attention = layers.Activation("softmax")(attention)  # error: CE201

weighted = layers.Multiply()([states, attention])
pooled = layers.GlobalAveragePooling1D()(weighted)
outputs = layers.Dense(1, activation="sigmoid")(pooled)

model = Model(inputs, outputs)
model.compile(optimizer="adam", loss="binary_crossentropy", metrics=["accuracy"])
