"""News-topic classifier on precomputed sentence embeddings. Topics are
binarised with sklearn's LabelBinarizer (one column per topic, one-hot for
more than two topics) and passed as fit(x=..., y=...) to a model compiled
with keras.losses.SparseCategoricalCrossentropy().

Bug: CE301 (one-hot targets into a sparse loss).
"""
import numpy as np
import pandas as pd
from sklearn.preprocessing import LabelBinarizer
from tensorflow import keras

frame = pd.read_parquet("ag_news_embeddings.parquet")
emb = np.stack(frame["embedding"].values)
topics = frame["topic"].values  # "world", "sports", "business", "sci/tech"

lb = LabelBinarizer()
targets = lb.fit_transform(topics)

inputs = keras.Input(shape=(emb.shape[1],))
x = keras.layers.Dense(256, activation="gelu")(inputs)
x = keras.layers.Dropout(0.2)(x)
outputs = keras.layers.Dense(len(lb.classes_), activation="softmax")(x)
clf = keras.Model(inputs=inputs, outputs=outputs, name="topic_head")

clf.compile(
    optimizer=keras.optimizers.AdamW(learning_rate=2e-4),
    loss=keras.losses.SparseCategoricalCrossentropy(),  # error: CE301
    metrics=["accuracy"],
)

clf.fit(x=emb, y=targets, batch_size=256, epochs=8, validation_split=0.05)
clf.save("topic_head.keras")
