"""Hand-written tf.function train step for a small audio-event classifier.
The labels are one-hot encoded once with tf.one_hot(depth=N_EVENTS) and
sliced into mini-batches, but the step calls the functional
tf.keras.losses.sparse_categorical_crossentropy(y_true, y_pred), which wants
integer class ids.

Bug: CE301, reported on the line where the loss function is applied.
"""
import numpy as np
import tensorflow as tf

N_EVENTS = 8
BATCH = 64

log_mels = np.load("esc_logmel.npy").astype("float32")
event_ids = np.load("esc_event_ids.npy").astype("int32")
event_onehot = tf.one_hot(event_ids, depth=N_EVENTS)

model = tf.keras.Sequential([
    tf.keras.layers.Input(shape=(128, 64, 1)),
    tf.keras.layers.Conv2D(32, 3, activation="relu"),
    tf.keras.layers.MaxPooling2D(),
    tf.keras.layers.Conv2D(64, 3, activation="relu"),
    tf.keras.layers.GlobalAveragePooling2D(),
    tf.keras.layers.Dense(N_EVENTS, activation="softmax"),
])
optimizer = tf.keras.optimizers.Adam(1e-3)

for epoch in range(30):
    losses = []
    for start in range(0, len(log_mels), BATCH):
        xb = log_mels[start:start + BATCH]
        yb = event_onehot[start:start + BATCH]
        with tf.GradientTape() as tape:
            probs = model(xb, training=True)
            loss = tf.reduce_mean(tf.keras.losses.sparse_categorical_crossentropy(yb, probs))  # error: CE301
        grads = tape.gradient(loss, model.trainable_variables)
        optimizer.apply_gradients(zip(grads, model.trainable_variables))
        losses.append(float(loss))
    print(f"epoch {epoch}: mean loss {np.mean(losses):.4f}")
