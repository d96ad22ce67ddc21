"""Pima diabetes classifier from an old blog post, written with star imports.

BUG (CE201): Dense(1, activation='softmax') always outputs 1.0.
"""
import numpy as np
from keras.models import *
from keras.layers import *
from keras.optimizers import *

dataset = np.loadtxt("pima-indians-diabetes.csv", delimiter=",")
X = dataset[:, 0:8]
Y = dataset[:, 8]

model = Sequential()
model.add(Dense(12, input_dim=8, activation="relu"))
model.add(Dense(8, activation="relu"))
model.add(Dense(1, activation="softmax"))  # error: CE201
model.compile(loss="binary_crossentropy", optimizer=Adam(lr=0.001), metrics=["accuracy"])
model.fit(X, Y, epochs=150, batch_size=10)
