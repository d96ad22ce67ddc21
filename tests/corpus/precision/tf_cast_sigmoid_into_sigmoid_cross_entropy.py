"""TF2 custom training loop for a binary classifier: the model ends in a sigmoid, the prediction is
cast to float32, and the loss applies a second sigmoid to it.
"""
import tensorflow as tf

model = tf.keras.Sequential([
    tf.keras.layers.Dense(32, activation="relu", input_shape=(20,)),
    tf.keras.layers.Dense(1, activation="sigmoid"),
])
optimizer = tf.keras.optimizers.Adam(1e-3)


@tf.function
def train_step(x, y):
    with tf.GradientTape() as tape:
        probs = tf.cast(model(x, training=True), tf.float32)
        loss = tf.reduce_mean(tf.nn.sigmoid_cross_entropy_with_logits(labels=y, logits=probs))  # error: CE101
    grads = tape.gradient(loss, model.trainable_variables)
    optimizer.apply_gradients(zip(grads, model.trainable_variables))
    return loss


for x_batch, y_batch in tf.data.Dataset.from_tensor_slices((tf.random.normal([256, 20]), tf.ones([256, 1]))).batch(32):
    train_step(x_batch, y_batch)
