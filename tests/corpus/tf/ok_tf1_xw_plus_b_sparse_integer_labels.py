# TF1 text classifier head: tf.nn.xw_plus_b gives raw scores, the labels are class
# ids from read_data_sets() (no one_hot), and the loss is the sparse one.
import tensorflow as tf
from tensorflow.examples.tutorials.mnist import input_data

mnist = input_data.read_data_sets("MNIST_data/")

x = tf.placeholder(tf.float32, [None, 784])
labels = tf.placeholder(tf.int64, [None])

with tf.name_scope("output"):
    W = tf.get_variable("W", shape=[784, 10], initializer=tf.contrib.layers.xavier_initializer())
    b = tf.Variable(tf.constant(0.1, shape=[10]), name="b")
    scores = tf.nn.xw_plus_b(x, W, b, name="scores")
    predictions = tf.argmax(scores, 1, name="predictions")

losses = tf.nn.sparse_softmax_cross_entropy_with_logits(labels=labels, logits=scores)
loss = tf.reduce_mean(losses)
train_op = tf.train.AdamOptimizer(1e-3).minimize(loss)

with tf.Session() as sess:
    sess.run(tf.global_variables_initializer())
    for step in range(1000):
        xs, ys = mnist.train.next_batch(64)
        sess.run(train_op, feed_dict={x: xs, labels: ys})
