"""Stack Overflow question tagger: several tags per question, trained as exclusive classes.

The tags are multi-hot (MultiLabelBinarizer), but the head is a softmax trained with categorical
cross-entropy: the tags compete for one unit of probability, and a question with three tags can
give each of them about 1/3 at best. Multi-label data needs sigmoid + binary cross-entropy.
"""
import numpy as np
from sklearn.preprocessing import MultiLabelBinarizer
from tensorflow import keras
from tensorflow.keras import layers

questions = [
    ("how to merge two dataframes", ["python", "pandas"]),
    ("numpy broadcasting error with pandas series", ["python", "numpy", "pandas"]),
    ("keras model does not learn", ["python", "keras"]),
    ("segfault in c extension", ["c", "python"]),
] * 500
texts = [text for text, _ in questions]
tags = [labels for _, labels in questions]

vectorizer = layers.TextVectorization(max_tokens=20000, output_mode="tf_idf")
vectorizer.adapt(texts)
X = vectorizer(np.array(texts)).numpy()

mlb = MultiLabelBinarizer()
Y = mlb.fit_transform(tags)

inputs = keras.Input(shape=(X.shape[1],))
h = layers.Dense(256, activation="relu")(inputs)
h = layers.Dropout(0.5)(h)
outputs = layers.Dense(6, activation="softmax")(h)
model = keras.Model(inputs, outputs)

model.compile(optimizer="adam", loss="categorical_crossentropy", metrics=["accuracy"])  # error: CE304
model.fit(X, Y, epochs=15, batch_size=64, validation_split=0.1)
