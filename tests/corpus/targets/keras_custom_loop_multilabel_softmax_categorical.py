"""Custom GradientTape training loop for movie-genre tagging from plot
embeddings. A movie can have several genres, encoded multi-hot with
MultiLabelBinarizer, but the model has a softmax head and the loop applies a
CategoricalCrossentropy object to each mini-batch.

Bug: CE304, reported where the loss object is applied in the loop.
"""
import numpy as np
import tensorflow as tf
from sklearn.preprocessing import MultiLabelBinarizer

plots = np.load("plot_embeddings.npy").astype("float32")
genre_lists = [line.strip().split(",") for line in open("genres.txt")]

mlb = MultiLabelBinarizer()
genres = mlb.fit_transform(genre_lists).astype("float32")

model = tf.keras.Sequential([
    tf.keras.layers.Input(shape=(plots.shape[1],)),
    tf.keras.layers.Dense(512, activation="relu"),
    tf.keras.layers.Dropout(0.3),
    tf.keras.layers.Dense(genres.shape[1], activation="softmax"),
])

loss_fn = tf.keras.losses.CategoricalCrossentropy()
optimizer = tf.keras.optimizers.Adam(1e-3)
BATCH = 128

for epoch in range(10):
    epoch_loss = 0.0
    for start in range(0, len(plots), BATCH):
        xb = plots[start:start + BATCH]
        yb = genres[start:start + BATCH]
        with tf.GradientTape() as tape:
            preds = model(xb, training=True)
            loss = loss_fn(yb, preds)  # error: CE304
        grads = tape.gradient(loss, model.trainable_variables)
        optimizer.apply_gradients(zip(grads, model.trainable_variables))
        epoch_loss += float(loss)
    print(f"epoch {epoch} loss {epoch_loss:.3f}")
