"""Defect detector: Dense(1) logit head with CategoricalCrossentropy(from_logits=True).

BUG (CE202): softmax over a single logit is 1.0, so the categorical loss is constant.
from_logits=True matches the linear head, so there is no CE101/CE102.
"""
import numpy as np
import keras
from keras import layers

patches = np.random.rand(2500, 32, 32, 1).astype("float32")
defect = np.random.randint(0, 2, size=(2500, 1)).astype("float32")

inputs = keras.Input(shape=(32, 32, 1))
x = layers.Conv2D(16, 3, activation="relu")(inputs)
x = layers.MaxPooling2D()(x)
x = layers.Conv2D(32, 3, activation="relu")(x)
x = layers.GlobalAveragePooling2D()(x)
logits = layers.Dense(1)(x)
model = keras.Model(inputs, logits)

model.compile(
    optimizer="adam",
    loss=keras.losses.CategoricalCrossentropy(from_logits=True),  # error: CE202
)
model.fit(patches, defect, epochs=10, batch_size=64)
