"""Sign-language digits classifier. Labels are one-hot encoded with the
np.eye(K)[y] idiom, then the model is trained with a
SparseCategoricalCrossentropy object stored in a variable. Sparse CE expects
integer class ids.

Bug: CE301, reported where the loss object is created.
"""
import numpy as np
from tensorflow import keras

K = 10

X = np.load("sign_digits_X.npy")[..., np.newaxis]
y_idx = np.load("sign_digits_y_idx.npy").astype(int)
Y = np.eye(K)[y_idx]

split = int(0.85 * len(X))
x_train, y_train = X[:split], Y[:split]
x_val, y_val = X[split:], Y[split:]

model = keras.models.Sequential([
    keras.layers.Conv2D(16, 3, padding="same", activation="relu", input_shape=(64, 64, 1)),
    keras.layers.MaxPool2D(),
    keras.layers.Conv2D(32, 3, padding="same", activation="relu"),
    keras.layers.MaxPool2D(),
    keras.layers.Flatten(),
    keras.layers.Dense(128, activation="relu"),
    keras.layers.Dense(K, activation="softmax"),
])

loss_fn = keras.losses.SparseCategoricalCrossentropy()  # error: CE301
model.compile(optimizer=keras.optimizers.Adam(learning_rate=1e-3), loss=loss_fn, metrics=["accuracy"])

model.fit(x_train, y_train, epochs=30, batch_size=32, validation_data=(x_val, y_val))
print(model.evaluate(x_val, y_val))
