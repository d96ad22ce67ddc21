"""TF1-style MNIST softmax regression: y = tf.nn.softmax(xW + b) and the loss is the
textbook -tf.reduce_sum(y_ * tf.math.log(y)).

BUG (CE103): log of softmax probabilities without clipping gives -inf/nan once a
probability underflows; use tf.nn.softmax_cross_entropy_with_logits on xW + b.
"""
import numpy as np
import tensorflow as tf

tf.compat.v1.disable_eager_execution()

(x_train, y_train), (x_test, y_test) = tf.keras.datasets.mnist.load_data()
x_train = x_train.reshape(-1, 784).astype(np.float32) / 255.0
x_test = x_test.reshape(-1, 784).astype(np.float32) / 255.0
y_train_oh = np.eye(10, dtype=np.float32)[y_train]
y_test_oh = np.eye(10, dtype=np.float32)[y_test]

x = tf.compat.v1.placeholder(tf.float32, [None, 784])
y_ = tf.compat.v1.placeholder(tf.float32, [None, 10])
W = tf.Variable(tf.zeros([784, 10]))
b = tf.Variable(tf.zeros([10]))
y = tf.nn.softmax(tf.matmul(x, W) + b)

cross_entropy = tf.reduce_mean(-tf.reduce_sum(y_ * tf.math.log(y), axis=[1]))  # error: CE103
train_step = tf.compat.v1.train.GradientDescentOptimizer(0.5).minimize(cross_entropy)

correct_prediction = tf.equal(tf.argmax(y, 1), tf.argmax(y_, 1))
accuracy = tf.reduce_mean(tf.cast(correct_prediction, tf.float32))

with tf.compat.v1.Session() as sess:
    sess.run(tf.compat.v1.global_variables_initializer())
    for i in range(1000):
        idx = np.random.choice(len(x_train), 100, replace=False)
        _, loss_val = sess.run([train_step, cross_entropy], feed_dict={x: x_train[idx], y_: y_train_oh[idx]})
        if i % 100 == 0:
            print(i, loss_val)
    print("test accuracy", sess.run(accuracy, feed_dict={x: x_test, y_: y_test_oh}))
