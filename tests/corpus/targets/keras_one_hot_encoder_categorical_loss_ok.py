"""Correct: vehicle-type classifier from tabular sensor data. The target is
encoded with sklearn's OneHotEncoder(sparse_output=False) and trained with
categorical_crossentropy; the head width comes from the encoder's categories.
No finding.
"""
import pandas as pd
from sklearn.model_selection import train_test_split
from sklearn.preprocessing import OneHotEncoder, StandardScaler
from tensorflow import keras
from tensorflow.keras import layers

data = pd.read_csv("vehicle_silhouettes.csv")
X = StandardScaler().fit_transform(data.drop(columns=["class"]).values)

encoder = OneHotEncoder(sparse_output=False, handle_unknown="ignore")
y = encoder.fit_transform(data[["class"]])
n_out = len(encoder.categories_[0])

x_train, x_val, y_train, y_val = train_test_split(X, y, test_size=0.2, random_state=11)

model = keras.Sequential([
    layers.Input(shape=(X.shape[1],)),
    layers.Dense(64, activation="relu"),
    layers.Dropout(0.2),
    layers.Dense(64, activation="relu"),
    layers.Dense(n_out, activation="softmax"),
])
model.compile(optimizer="adam", loss="categorical_crossentropy", metrics=["accuracy"])
model.fit(x_train, y_train, validation_data=(x_val, y_val), epochs=150, batch_size=16, verbose=2)
