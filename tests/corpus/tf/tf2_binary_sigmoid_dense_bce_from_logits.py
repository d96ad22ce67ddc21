"""TF2 GradientTape loop for a binary churn model: Keras functional model whose last
layer is Dense(1, activation="sigmoid"); the loss object is
tf.keras.losses.BinaryCrossentropy(from_logits=True) called directly.

BUG (CE101): from_logits=True on sigmoid output; reported at the from_logits line.
"""
import numpy as np
import tensorflow as tf

inputs = tf.keras.Input(shape=(19,))
x = tf.keras.layers.Dense(64, activation="relu")(inputs)
x = tf.keras.layers.Dropout(0.2)(x)
x = tf.keras.layers.Dense(32, activation="relu")(x)
outputs = tf.keras.layers.Dense(1, activation="sigmoid")(x)
model = tf.keras.Model(inputs, outputs)

bce = tf.keras.losses.BinaryCrossentropy(from_logits=True)  # error: CE101
optimizer = tf.keras.optimizers.RMSprop(1e-3)
auc = tf.keras.metrics.AUC()


@tf.function
def train_step(x_batch, y_batch):
    with tf.GradientTape() as tape:
        y_prob = model(x_batch, training=True)
        loss = bce(y_batch, y_prob)
    grads = tape.gradient(loss, model.trainable_weights)
    optimizer.apply_gradients(zip(grads, model.trainable_weights))
    auc.update_state(y_batch, y_prob)
    return loss


X = np.random.randn(8000, 19).astype("float32")
y = (np.random.rand(8000, 1) < 0.25).astype("float32")
dataset = tf.data.Dataset.from_tensor_slices((X, y)).shuffle(8000).batch(128)

for epoch in range(20):
    auc.reset_state()
    for xb, yb in dataset:
        loss = train_step(xb, yb)
    print(f"epoch {epoch}: loss={float(loss):.4f} auc={float(auc.result()):.3f}")
