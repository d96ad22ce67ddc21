"""Credit-default prediction on tabular features with Keras.

The output layer is linear (no activation) but the loss is the default binary_crossentropy,
which expects probabilities: Keras clips the raw scores into [1e-7, 1 - 1e-7], and every sample
outside that range gets exactly zero gradient.
"""
import numpy as np
import keras
from keras import layers

rng = np.random.default_rng(7)
features = rng.normal(size=(5000, 23)).astype("float32")
defaulted = (features[:, 0] + 0.5 * features[:, 3] > 0.8).astype("float32")

split = int(0.8 * len(features))
x_train, x_val = features[:split], features[split:]
y_train, y_val = defaulted[:split], defaulted[split:]

normalizer = layers.Normalization()
normalizer.adapt(x_train)

inputs = keras.Input(shape=(23,))
x = normalizer(inputs)
x = layers.Dense(64, activation="relu")(x)
x = layers.Dropout(0.3)(x)
x = layers.Dense(32, activation="relu")(x)
score = layers.Dense(1, name="default_score")(x)
model = keras.Model(inputs, score)

model.compile(optimizer="adam", loss="binary_crossentropy")  # error: CE102
model.fit(x_train, y_train, validation_data=(x_val, y_val), epochs=30, batch_size=256)
