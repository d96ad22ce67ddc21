"""Forest cover-type model. The target column is encoded with sklearn's
OneHotEncoder (dense output), and both the training and validation targets
(through validation_data=(x_val, y_val)) reach a model compiled with
sparse_categorical_crossentropy.

Bug: CE301.
"""
import pandas as pd
from sklearn.model_selection import train_test_split
from sklearn.preprocessing import OneHotEncoder, MinMaxScaler
from tensorflow import keras
from tensorflow.keras import layers

cover = pd.read_csv("covtype.csv")
X = MinMaxScaler().fit_transform(cover.drop(columns=["Cover_Type"]).values)

ohe = OneHotEncoder(sparse_output=False)
Y = ohe.fit_transform(cover[["Cover_Type"]])

x_train, x_val, y_train, y_val = train_test_split(X, Y, test_size=0.2, random_state=3)

model = keras.Sequential([
    layers.Input(shape=(x_train.shape[1],)),
    layers.Dense(256, activation="relu"),
    layers.BatchNormalization(),
    layers.Dense(128, activation="relu"),
    layers.Dense(7, activation="softmax"),
])
model.compile(optimizer="adam", loss="sparse_categorical_crossentropy", metrics=["accuracy"])  # error: CE301

model.fit(
    x_train,
    y_train,
    validation_data=(x_val, y_val),
    epochs=20,
    batch_size=512,
)
