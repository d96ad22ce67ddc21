"""The TF1 `add_layer` helper again, this time with the output layer left linear (activation None):
the with-logits loss gets logits and the softmax is only taken for the accuracy. Correct.
"""
import tensorflow as tf


def add_layer(inputs, in_size, out_size, activation_function=None):
    Weights = tf.Variable(tf.random_normal([in_size, out_size]))
    biases = tf.Variable(tf.zeros([1, out_size]) + 0.1)
    Wx_plus_b = tf.matmul(inputs, Weights) + biases
    if activation_function is None:
        outputs = Wx_plus_b
    else:
        outputs = activation_function(Wx_plus_b)
    return outputs


xs = tf.placeholder(tf.float32, [None, 784])
ys = tf.placeholder(tf.float32, [None, 10])

hidden = add_layer(xs, 784, 256, activation_function=tf.nn.relu)
logits = add_layer(hidden, 256, 10)
probabilities = tf.nn.softmax(logits)

loss = tf.reduce_mean(tf.nn.softmax_cross_entropy_with_logits(labels=ys, logits=logits))
train_op = tf.train.AdamOptimizer(1e-3).minimize(loss)
correct = tf.equal(tf.argmax(probabilities, 1), tf.argmax(ys, 1))
accuracy = tf.reduce_mean(tf.cast(correct, tf.float32))
