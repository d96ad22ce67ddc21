"""Stack Overflow question tagger: every question has several tags, encoded
multi-hot with MultiLabelBinarizer. The model uses a softmax head with
categorical_crossentropy, which forces the tag probabilities to compete and
sum to one. Multi-label data needs sigmoid + binary_crossentropy.

Bug: CE304 (softmax + categorical cross-entropy on multi-hot targets).
"""
import pandas as pd
from sklearn.preprocessing import MultiLabelBinarizer
from sklearn.feature_extraction.text import TfidfVectorizer
from tensorflow import keras
from tensorflow.keras import layers

questions = pd.read_json("questions.jsonl", lines=True)
texts = questions["title"] + " " + questions["body"]
tags = questions["tags"].apply(lambda s: s.split("|"))

vectorizer = TfidfVectorizer(max_features=20000, sublinear_tf=True)
X = vectorizer.fit_transform(texts).toarray().astype("float32")

mlb = MultiLabelBinarizer()
Y = mlb.fit_transform(tags)
n_tags = len(mlb.classes_)
print("distinct tags:", n_tags)

inputs = keras.Input(shape=(X.shape[1],))
h = layers.Dense(256, activation="relu")(inputs)
h = layers.Dropout(0.5)(h)
h = layers.Dense(128, activation="relu")(h)
outputs = layers.Dense(n_tags, activation="softmax")(h)
model = keras.Model(inputs, outputs)

model.compile(optimizer="adam", loss="categorical_crossentropy", metrics=["accuracy"])  # error: CE304

model.fit(X, Y, epochs=15, batch_size=64, validation_split=0.1)

probs = model.predict(X[:5])
for row in probs:
    top = row.argsort()[-3:][::-1]
    print([mlb.classes_[i] for i in top])
