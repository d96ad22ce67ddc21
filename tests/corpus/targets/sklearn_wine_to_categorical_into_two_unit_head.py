# Wine cultivars: three classes one-hot encoded (to_categorical infers 3
# columns), but the output layer has two units.
import pandas as pd
from sklearn.datasets import load_wine
from sklearn.preprocessing import MinMaxScaler
import tensorflow as tf

wine = load_wine()
features = MinMaxScaler().fit_transform(wine.data)
labels = tf.keras.utils.to_categorical(wine.target)

inputs = tf.keras.Input(shape=(13,))
x = tf.keras.layers.Dense(32, activation="relu")(inputs)
outputs = tf.keras.layers.Dense(2, activation="softmax")(x)  # error: CE303
model = tf.keras.Model(inputs, outputs)
model.compile(optimizer="rmsprop", loss="categorical_crossentropy", metrics=["accuracy"])
model.fit(features, labels, epochs=60, batch_size=16)
