"""Gradual unfreezing: each stage trains, then unfreezes a few more layers and recompiles for the
next stage. The recompile switches to the sparse loss, but the next stage's fit (the next loop
iteration) still passes one-hot labels.
"""
import numpy as np
from tensorflow import keras
from tensorflow.keras import layers

x = np.load("x_train.npy")
y = keras.utils.to_categorical(np.load("y_train.npy"), 3)

base = keras.applications.EfficientNetB0(include_top=False, pooling="avg")
base.trainable = False
model = keras.Sequential([base, layers.Dropout(0.2), layers.Dense(3, activation="softmax")])
model.compile(optimizer=keras.optimizers.Adam(1e-3), loss="categorical_crossentropy", metrics=["accuracy"])

for stage in range(3):
    model.fit(x, y, epochs=2, batch_size=32)
    for layer in base.layers[-20 * (stage + 1):]:
        layer.trainable = True
    model.compile(optimizer=keras.optimizers.Adam(1e-5), loss="sparse_categorical_crossentropy")  # error: CE301
