"""Correct (as far as can be known): features and targets are loaded from
.npy files written by a preprocessing job. The target encoding is not visible
in this file, so a categorical_crossentropy loss and a 6-unit softmax head
must not be reported. No finding.
"""
import numpy as np
from tensorflow import keras

x_train = np.load("prep/x_train.npy")
y_train = np.load("prep/y_train.npy")
x_val = np.load("prep/x_val.npy")
y_val = np.load("prep/y_val.npy")

model = keras.Sequential([
    keras.layers.Input(shape=(x_train.shape[1],)),
    keras.layers.Dense(256, activation="relu"),
    keras.layers.BatchNormalization(),
    keras.layers.Dropout(0.3),
    keras.layers.Dense(128, activation="relu"),
    keras.layers.Dense(6, activation="softmax"),
])

model.compile(optimizer=keras.optimizers.Adam(5e-4),
              loss="categorical_crossentropy",
              metrics=["accuracy"])

callbacks = [
    keras.callbacks.ReduceLROnPlateau(factor=0.5, patience=3),
    keras.callbacks.ModelCheckpoint("har_best.keras", save_best_only=True),
]
model.fit(x_train, y_train, validation_data=(x_val, y_val),
          epochs=60, batch_size=128, callbacks=callbacks)
