"""Customer churn model: linear single-unit head, BCE(from_logits=True), AUC().

BUG (CE105): AUC() without from_logits=True sweeps thresholds over [0, 1] and so sees
only the part of the logit range in that interval.
"""
import numpy as np
import keras
from keras import layers

N_FEATURES = 24

X = np.random.rand(10000, N_FEATURES).astype("float32")
churned = (np.random.rand(10000) < 0.15).astype("float32")

inputs = keras.Input(shape=(N_FEATURES,), name="customer")
h = layers.Dense(64, activation="relu")(inputs)
h = layers.Dense(32, activation="relu")(h)
logit = layers.Dense(1, name="churn_logit")(h)
model = keras.Model(inputs, logit)

model.compile(
    optimizer="adam",
    loss=keras.losses.BinaryCrossentropy(from_logits=True),
    metrics=[keras.metrics.AUC(name="auc")],  # error: CE105
)
model.fit(X, churned, epochs=15, batch_size=256, validation_split=0.2)
