"""Correct: Titanic-style tabular multiclass problem (passenger class from
other features). The target is one-hot encoded with pd.get_dummies and the
model uses categorical_crossentropy with a head as wide as the dummy columns.
No finding.
"""
import pandas as pd
from sklearn.model_selection import train_test_split
from sklearn.preprocessing import StandardScaler
from tensorflow import keras

df = pd.read_csv("titanic.csv").dropna(subset=["Age", "Fare", "Pclass"])
X = pd.get_dummies(df[["Age", "Fare", "SibSp", "Parch", "Sex", "Embarked"]], drop_first=True)
X = StandardScaler().fit_transform(X.values.astype("float32"))
Y = pd.get_dummies(df["Pclass"]).values.astype("float32")

X_train, X_test, Y_train, Y_test = train_test_split(X, Y, test_size=0.25, random_state=0)

model = keras.Sequential([
    keras.layers.Input(shape=(X.shape[1],)),
    keras.layers.Dense(32, activation="relu"),
    keras.layers.Dense(16, activation="relu"),
    keras.layers.Dense(Y.shape[1], activation="softmax"),
])

model.compile(optimizer="adam", loss="categorical_crossentropy", metrics=["accuracy"])
model.fit(X_train, Y_train, epochs=80, batch_size=32, validation_data=(X_test, Y_test), verbose=0)
print(model.evaluate(X_test, Y_test, verbose=0))
