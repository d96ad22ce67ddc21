"""Correct: custom GradientTape loop for protein-function prediction, a
multi-label problem. GO terms are multi-hot encoded with MultiLabelBinarizer,
the head is a sigmoid layer and the loop applies a BinaryCrossentropy object
to each slice of the targets. No finding.
"""
import numpy as np
import tensorflow as tf
from sklearn.preprocessing import MultiLabelBinarizer

emb = np.load("protein_embeddings.npy").astype("float32")
go_terms = [row.split(";") for row in open("go_terms.txt").read().splitlines()]

mlb = MultiLabelBinarizer()
Y = mlb.fit_transform(go_terms).astype("float32")

model = tf.keras.Sequential([
    tf.keras.layers.Input(shape=(emb.shape[1],)),
    tf.keras.layers.Dense(1024, activation="relu"),
    tf.keras.layers.Dropout(0.2),
    tf.keras.layers.Dense(Y.shape[1], activation="sigmoid"),
])

bce = tf.keras.losses.BinaryCrossentropy()
opt = tf.keras.optimizers.Adam(1e-3)
BATCH = 256


@tf.function
def step(xb, yb):
    with tf.GradientTape() as tape:
        loss = bce(yb, model(xb, training=True))
    grads = tape.gradient(loss, model.trainable_variables)
    opt.apply_gradients(zip(grads, model.trainable_variables))
    return loss


for epoch in range(25):
    for start in range(0, len(emb), BATCH):
        xb = emb[start:start + BATCH]
        yb = Y[start:start + BATCH]
        loss = bce(yb, model(xb, training=False))
        step(xb, yb)
    print(epoch, float(loss))
