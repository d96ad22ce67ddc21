"""Correct: LabelEncoder integer ids into sparse_categorical_crossentropy for
a language-identification model over character n-gram counts. No finding.
"""
import numpy as np
import pandas as pd
from sklearn.feature_extraction.text import CountVectorizer
from sklearn.model_selection import train_test_split
from sklearn.preprocessing import LabelEncoder
from tensorflow import keras

df = pd.read_csv("langid_sentences.csv")
vec = CountVectorizer(analyzer="char_wb", ngram_range=(1, 3), max_features=5000)
X = vec.fit_transform(df["sentence"]).toarray().astype("float32")

le = LabelEncoder()
y = le.fit_transform(df["language"])

X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.2)

model = keras.Sequential([
    keras.layers.Input(shape=(X.shape[1],)),
    keras.layers.Dense(500, activation="relu"),
    keras.layers.Dense(100, activation="relu"),
    keras.layers.Dense(len(le.classes_), activation="softmax"),
])
model.compile(loss="sparse_categorical_crossentropy", optimizer="adam", metrics=["accuracy"])
model.fit(X_train, y_train, epochs=4, batch_size=100, validation_data=(X_test, y_test))

sample = vec.transform(["das ist ein kleiner Test"]).toarray()
print(le.inverse_transform(np.argmax(model.predict(sample), axis=1)))
