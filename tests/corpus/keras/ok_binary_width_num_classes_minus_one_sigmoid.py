"""Binary head sized NUM_CLASSES - 1 with a sigmoid activation.

CORRECT: NUM_CLASSES - 1 == 1 unit, sigmoid + BinaryCrossentropy(); contrast with the
softmax version of this idiom, which is CE201.
"""
import numpy as np
from tensorflow import keras
from tensorflow.keras.losses import BinaryCrossentropy

NUM_CLASSES = 2

x = np.random.rand(1000, 15).astype("float32")
y = np.random.randint(0, NUM_CLASSES, size=(1000,)).astype("float32")

model = keras.Sequential([
    keras.layers.Input(shape=(15,)),
    keras.layers.Dense(16, activation="relu"),
    keras.layers.Dense(NUM_CLASSES - 1, activation="sigmoid"),
])
model.compile(optimizer="adam", loss=BinaryCrossentropy(), metrics=["accuracy", keras.metrics.AUC()])
model.fit(x, y, epochs=30, batch_size=32)
