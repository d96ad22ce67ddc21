"""TF2 GradientTape loop for IMDB sentiment: last layer Dense(1, activation="sigmoid")
and tf.keras.losses.BinaryCrossentropy() (from_logits defaults to False) called
directly.

CORRECT (no finding): probabilities into a loss that expects probabilities.
"""
import tensorflow as tf

VOCAB, MAXLEN = 10000, 256
(x_train, y_train), _ = tf.keras.datasets.imdb.load_data(num_words=VOCAB)
x_train = tf.keras.preprocessing.sequence.pad_sequences(x_train, maxlen=MAXLEN)

model = tf.keras.Sequential([
    tf.keras.layers.Embedding(VOCAB, 16),
    tf.keras.layers.GlobalAveragePooling1D(),
    tf.keras.layers.Dense(16, activation="relu"),
    tf.keras.layers.Dense(1, activation="sigmoid"),
])
loss_fn = tf.keras.losses.BinaryCrossentropy()
optimizer = tf.keras.optimizers.Adam(1e-3)
acc = tf.keras.metrics.BinaryAccuracy()


@tf.function
def train_step(x, y):
    with tf.GradientTape() as tape:
        p = model(x, training=True)
        loss = loss_fn(y, p)
    grads = tape.gradient(loss, model.trainable_variables)
    optimizer.apply_gradients(zip(grads, model.trainable_variables))
    acc.update_state(y, p)
    return loss


dataset = tf.data.Dataset.from_tensor_slices((x_train, y_train.astype("float32")[:, None])).batch(512)
for epoch in range(10):
    acc.reset_state()
    for xb, yb in dataset:
        loss = train_step(xb, yb)
    print(f"epoch {epoch}: loss {float(loss):.4f}, acc {float(acc.result()):.3f}")
