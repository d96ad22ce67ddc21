"""Iris-style tabular model. The species column is one-hot encoded with
pd.get_dummies, then the network is compiled with
sparse_categorical_crossentropy, which expects a single integer column.

Bug: CE301.
"""
import pandas as pd
from sklearn.model_selection import train_test_split
from tensorflow import keras

df = pd.read_csv("penguins_clean.csv")
feature_cols = ["bill_length_mm", "bill_depth_mm", "flipper_length_mm", "body_mass_g"]

X = df[feature_cols].values
X = (X - X.mean(axis=0)) / X.std(axis=0)
y = pd.get_dummies(df["species"]).values

X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.2, stratify=y, random_state=1)

model = keras.Sequential([
    keras.layers.Dense(16, activation="relu", input_shape=(4,)),
    keras.layers.Dense(16, activation="relu"),
    keras.layers.Dense(3, activation="softmax"),
])

model.compile(
    optimizer="adam",
    loss="sparse_categorical_crossentropy",  # error: CE301
    metrics=["accuracy"],
)

model.fit(X_train, y_train, epochs=100, batch_size=16, verbose=0)
loss, acc = model.evaluate(X_test, y_test, verbose=0)
print(f"test loss={loss:.3f} acc={acc:.3f}")
