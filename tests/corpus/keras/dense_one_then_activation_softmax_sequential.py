"""Titanic survival model (tf.keras Sequential) ending in Dense(1) followed by
Activation("softmax").

BUG (CE201): softmax over a width-1 axis is constantly 1.0; reported on the
Activation("softmax") line, where the softmax is applied.
"""
import pandas as pd
import tensorflow as tf

df = pd.read_csv("titanic_train.csv")
df = df[["Pclass", "Sex", "Age", "SibSp", "Parch", "Fare", "Survived"]].dropna()
df["Sex"] = (df["Sex"] == "female").astype("float32")
y = df.pop("Survived").values.astype("float32")
X = df.values.astype("float32")

model = tf.keras.Sequential([
    tf.keras.layers.Input(shape=(6,)),
    tf.keras.layers.Dense(16, activation="relu"),
    tf.keras.layers.Dense(1),
    tf.keras.layers.Activation("softmax"),  # error: CE201
])
model.compile(optimizer="adam", loss="binary_crossentropy", metrics=["accuracy"])
model.fit(X, y, epochs=40, batch_size=16, validation_split=0.2)
