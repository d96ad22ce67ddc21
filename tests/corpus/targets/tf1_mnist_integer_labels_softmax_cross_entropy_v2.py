"""TF1 two-layer MNIST network. read_data_sets is called without one_hot=True,
so mnist.train.next_batch returns integer class ids, yet the loss is
tf.nn.softmax_cross_entropy_with_logits_v2, which expects one-hot (or
probability) labels of shape [batch, 10].

Bug: CE302 (categorical loss fed class indices through feed_dict).
"""
import tensorflow as tf
from tensorflow.examples.tutorials.mnist import input_data

mnist = input_data.read_data_sets("MNIST_data/")

learning_rate = 0.001
n_hidden = 256

x = tf.placeholder(tf.float32, [None, 784], name="x")
y_ = tf.placeholder(tf.float32, [None, 10], name="labels")

W1 = tf.Variable(tf.truncated_normal([784, n_hidden], stddev=0.1))
b1 = tf.Variable(tf.zeros([n_hidden]))
hidden = tf.nn.relu(tf.matmul(x, W1) + b1)

W2 = tf.Variable(tf.truncated_normal([n_hidden, 10], stddev=0.1))
b2 = tf.Variable(tf.zeros([10]))
logits = tf.matmul(hidden, W2) + b2

loss = tf.reduce_mean(tf.nn.softmax_cross_entropy_with_logits_v2(labels=y_, logits=logits))  # error: CE302
train_op = tf.train.AdamOptimizer(learning_rate).minimize(loss)

with tf.Session() as sess:
    sess.run(tf.global_variables_initializer())
    for step in range(3000):
        batch_xs, batch_ys = mnist.train.next_batch(128)
        _, l = sess.run([train_op, loss], feed_dict={x: batch_xs, y_: batch_ys})
        if step % 500 == 0:
            print("step %d loss %.4f" % (step, l))
