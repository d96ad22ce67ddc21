"""TF2 custom training loop: a Keras Sequential whose last Dense has
activation='softmax', and a @tf.function train step under tf.GradientTape that
calls tf.nn.sparse_softmax_cross_entropy_with_logits(labels, logits=model(x)).

BUG (CE101): the "logits" are softmax probabilities.
"""
import tensorflow as tf

(x_train, y_train), _ = tf.keras.datasets.cifar10.load_data()
x_train = x_train.astype("float32") / 255.0
y_train = y_train.reshape(-1)
train_ds = tf.data.Dataset.from_tensor_slices((x_train, y_train)).shuffle(10000).batch(64)

model = tf.keras.Sequential([
    tf.keras.layers.Conv2D(32, 3, activation="relu", input_shape=(32, 32, 3)),
    tf.keras.layers.MaxPooling2D(),
    tf.keras.layers.Conv2D(64, 3, activation="relu"),
    tf.keras.layers.MaxPooling2D(),
    tf.keras.layers.Flatten(),
    tf.keras.layers.Dense(128, activation="relu"),
    tf.keras.layers.Dense(10, activation="softmax"),
])
optimizer = tf.keras.optimizers.Adam(1e-3)
train_acc = tf.keras.metrics.SparseCategoricalAccuracy()


@tf.function
def train_step(images, labels):
    with tf.GradientTape() as tape:
        predictions = model(images, training=True)
        per_example = tf.nn.sparse_softmax_cross_entropy_with_logits(labels=labels, logits=predictions)  # error: CE101
        loss = tf.reduce_mean(per_example)
    grads = tape.gradient(loss, model.trainable_variables)
    optimizer.apply_gradients(zip(grads, model.trainable_variables))
    train_acc.update_state(labels, predictions)
    return loss


for epoch in range(10):
    train_acc.reset_state()
    for images, labels in train_ds:
        loss = train_step(images, labels)
    print(f"epoch {epoch}: loss={float(loss):.4f} acc={float(train_acc.result()):.3f}")
