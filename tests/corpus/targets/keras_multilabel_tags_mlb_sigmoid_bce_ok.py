"""Correct: multi-label article tagging. Tags are multi-hot encoded with
MultiLabelBinarizer and the model uses a sigmoid head with
binary_crossentropy, which is the right setup for multi-label data (the
multi-hot evidence also rules out CE203). No finding.
"""
import json

import numpy as np
from sklearn.preprocessing import MultiLabelBinarizer
from tensorflow import keras
from tensorflow.keras import layers

with open("articles.json") as fh:
    articles = json.load(fh)

texts = [a["text"] for a in articles]
tag_lists = [a["tags"] for a in articles]

mlb = MultiLabelBinarizer()
Y = mlb.fit_transform(tag_lists).astype("float32")

vectorize = layers.TextVectorization(max_tokens=30000, output_mode="tf_idf")
vectorize.adapt(texts)
X = vectorize(np.array(texts)).numpy()

model = keras.Sequential([
    layers.Input(shape=(X.shape[1],)),
    layers.Dense(512, activation="relu"),
    layers.Dropout(0.5),
    layers.Dense(Y.shape[1], activation="sigmoid"),
])

model.compile(optimizer="adam",
              loss="binary_crossentropy",
              metrics=[keras.metrics.AUC(multi_label=True), keras.metrics.Precision()])
model.fit(X, Y, epochs=10, batch_size=64, validation_split=0.1)

scores = model.predict(X[:3])
for row in scores:
    print([t for t, s in zip(mlb.classes_, row) if s > 0.5])
