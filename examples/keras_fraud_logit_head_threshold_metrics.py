"""Card-fraud detector in Keras with a single-logit head trained from logits.

The loss is right, but the metrics threshold the logits at 0.5 (probability 0.62), and AUC
spreads its thresholds over [0, 1]: the accuracy and AUC printed every epoch, and the
checkpoint chosen on them, are skewed.
"""
import numpy as np
import keras
from keras import layers

rng = np.random.default_rng(0)
x = rng.normal(size=(20000, 30)).astype("float32")
y = (x[:, 0] * 1.5 - x[:, 4] > 2.3).astype("float32")

inputs = keras.Input(shape=(30,))
h = layers.Dense(64, activation="relu")(inputs)
h = layers.Dense(32, activation="relu")(h)
logit = layers.Dense(1, name="fraud_logit")(h)
model = keras.Model(inputs, logit)

model.compile(
    optimizer=keras.optimizers.Adam(1e-3),
    loss=keras.losses.BinaryCrossentropy(from_logits=True),
    metrics=[
        keras.metrics.BinaryAccuracy(name="acc"),  # error: CE105
        keras.metrics.AUC(name="auc"),  # error: CE105
    ],
)
checkpoint = keras.callbacks.ModelCheckpoint("fraud.keras", monitor="val_auc", mode="max", save_best_only=True)
model.fit(x, y, validation_split=0.2, epochs=20, batch_size=512, callbacks=[checkpoint])
