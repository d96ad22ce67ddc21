"""Click-through model with a Dense(1) logit head, BCE(from_logits=True) and
AUC(from_logits=True).

CORRECT: the AUC metric is told the predictions are logits.
"""
import numpy as np
import keras
from keras import layers

user_feats = np.random.rand(50000, 16).astype("float32")
item_feats = np.random.rand(50000, 16).astype("float32")
clicks = np.random.randint(0, 2, size=(50000, 1)).astype("float32")

user_in = keras.Input(shape=(16,), name="user")
item_in = keras.Input(shape=(16,), name="item")
x = layers.Concatenate()([user_in, item_in])
x = layers.Dense(64, activation="relu")(x)
x = layers.Dense(32, activation="relu")(x)
logit = layers.Dense(1, name="click")(x)
model = keras.Model(inputs=[user_in, item_in], outputs=logit)

model.compile(
    optimizer=keras.optimizers.Adam(learning_rate=1e-3),
    loss=keras.losses.BinaryCrossentropy(from_logits=True),
    metrics=[keras.metrics.AUC(from_logits=True, name="auc")],
)
model.fit({"user": user_feats, "item": item_feats}, clicks, epochs=3, batch_size=1024)
