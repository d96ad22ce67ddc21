"""Estimator-style TF2 code: `model_fn` takes the output function as an argument. The training graph
is built with head_fn=tf.nn.softmax and the probabilities go to the with-logits loss.

BUG (CE101): sparse_softmax_cross_entropy_with_logits normalises a second time.
"""
import tensorflow as tf

N_CLASSES = 6

hidden_layer = tf.keras.layers.Dense(64, activation="relu")
output_layer = tf.keras.layers.Dense(N_CLASSES)


def model_fn(features, head_fn):
    logits = output_layer(hidden_layer(features))
    return head_fn(logits)


def train_step(features, labels, optimizer):
    with tf.GradientTape() as tape:
        outputs = model_fn(features, head_fn=tf.nn.softmax)
        loss = tf.reduce_mean(
            tf.nn.sparse_softmax_cross_entropy_with_logits(labels=labels, logits=outputs)  # error: CE101
        )
    weights = hidden_layer.trainable_variables + output_layer.trainable_variables
    optimizer.apply_gradients(zip(tape.gradient(loss, weights), weights))
    return loss
