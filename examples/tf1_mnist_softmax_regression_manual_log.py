"""The classic TensorFlow 1 softmax regression on MNIST, cross-entropy written by hand.

tf.math.log(softmax) underflows to log(0) = -inf as soon as one prediction is confidently wrong,
the loss becomes nan and every weight follows. tf.nn.softmax_cross_entropy_with_logits is the
fused, stable op.
"""
import numpy as np
import tensorflow as tf

tf.compat.v1.disable_eager_execution()

(x_train, y_train), _ = tf.keras.datasets.mnist.load_data()
x_train = x_train.reshape(-1, 784).astype(np.float32) / 255.0
y_train = np.eye(10, dtype=np.float32)[y_train]

x = tf.compat.v1.placeholder(tf.float32, [None, 784])
y_ = tf.compat.v1.placeholder(tf.float32, [None, 10])
W = tf.Variable(tf.zeros([784, 10]))
b = tf.Variable(tf.zeros([10]))
y = tf.nn.softmax(tf.matmul(x, W) + b)

cross_entropy = tf.reduce_mean(-tf.reduce_sum(y_ * tf.math.log(y), axis=[1]))  # error: CE103
train_step = tf.compat.v1.train.GradientDescentOptimizer(0.5).minimize(cross_entropy)
correct = tf.equal(tf.argmax(y, 1), tf.argmax(y_, 1))
accuracy = tf.reduce_mean(tf.cast(correct, tf.float32))

with tf.compat.v1.Session() as sess:
    sess.run(tf.compat.v1.global_variables_initializer())
    for step in range(1000):
        idx = np.random.randint(0, len(x_train), 100)
        sess.run(train_step, feed_dict={x: x_train[idx], y_: y_train[idx]})
    print(sess.run(accuracy, feed_dict={x: x_train[:10000], y_: y_train[:10000]}))
