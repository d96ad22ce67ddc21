"""Functional Keras model where the losses come in by star import as well.

BUG (CE101): SparseCategoricalCrossentropy(from_logits=True) on a softmax head.
"""
from tensorflow.keras import Model
from tensorflow.keras.layers import *
from tensorflow.keras.losses import *

inputs = Input(shape=(40,))
x = Dense(64, activation="relu")(inputs)
x = Dropout(0.2)(x)
outputs = Dense(8, activation="softmax")(x)

model = Model(inputs, outputs)
model.compile(optimizer="rmsprop", loss=SparseCategoricalCrossentropy(from_logits=True))  # error: CE101
model.fit(features, labels, epochs=20, validation_split=0.1)
