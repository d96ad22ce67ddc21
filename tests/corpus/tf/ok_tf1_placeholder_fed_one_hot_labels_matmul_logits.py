# TF1 two-layer network, the way the 2017 tutorials wrote it: a [None, 10]
# placeholder fed one-hot labels from read_data_sets(one_hot=True), raw logits
# from tf.matmul into softmax_cross_entropy_with_logits_v2.
import tensorflow as tf
from tensorflow.examples.tutorials.mnist import input_data

mnist = input_data.read_data_sets("MNIST_data/", one_hot=True)

x = tf.placeholder(tf.float32, [None, 784])
y_ = tf.placeholder(tf.float32, [None, 10])

W1 = tf.Variable(tf.truncated_normal([784, 300], stddev=0.03))
b1 = tf.Variable(tf.random_normal([300]))
W2 = tf.Variable(tf.truncated_normal([300, 10], stddev=0.03))
b2 = tf.Variable(tf.random_normal([10]))

hidden_out = tf.nn.relu(tf.add(tf.matmul(x, W1), b1))
logits = tf.add(tf.matmul(hidden_out, W2), b2)
y_pred = tf.nn.softmax(logits)

cross_entropy = tf.reduce_mean(tf.nn.softmax_cross_entropy_with_logits_v2(labels=y_, logits=logits))
optimiser = tf.train.GradientDescentOptimizer(learning_rate=0.5).minimize(cross_entropy)
correct = tf.equal(tf.argmax(y_, 1), tf.argmax(y_pred, 1))
accuracy = tf.reduce_mean(tf.cast(correct, tf.float32))

with tf.Session() as sess:
    sess.run(tf.global_variables_initializer())
    for epoch in range(10):
        for _ in range(550):
            batch_x, batch_y = mnist.train.next_batch(100)
            sess.run(optimiser, feed_dict={x: batch_x, y_: batch_y})
    print(sess.run(accuracy, feed_dict={x: mnist.test.images, y_: mnist.test.labels}))
