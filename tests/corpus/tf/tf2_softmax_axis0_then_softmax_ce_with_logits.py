"""TF2 custom training loop for a 4-class tabular model. The "probabilities" are computed with
axis=0 (over the batch) and then handed to the with-logits loss.

BUG (CE101): softmax_cross_entropy_with_logits expects raw scores; it gets a softmax (over the wrong axis, too).
"""
import tensorflow as tf

N_CLASSES = 4

dense1 = tf.keras.layers.Dense(32, activation="relu")
dense2 = tf.keras.layers.Dense(N_CLASSES)
optimizer = tf.keras.optimizers.Adam(1e-3)


def forward(x):
    return tf.nn.softmax(dense2(dense1(x)), axis=0)


@tf.function
def train_step(x, y_onehot):
    with tf.GradientTape() as tape:
        probs = forward(x)
        loss = tf.reduce_mean(
            tf.nn.softmax_cross_entropy_with_logits(labels=y_onehot, logits=probs)  # error: CE101
        )
    variables = dense1.trainable_variables + dense2.trainable_variables
    optimizer.apply_gradients(zip(tape.gradient(loss, variables), variables))
    return loss
