"""TF1 softmax regression with the hand-written loss made safe by clipping:
-tf.reduce_sum(y_ * tf.math.log(tf.clip_by_value(y, 1e-10, 1.0)), axis=1).

CORRECT (no finding): the log argument is clipped away from 0, the rule says nothing.
"""
import numpy as np
import tensorflow as tf

tf.compat.v1.disable_eager_execution()

N_FEATURES, N_CLASSES = 64, 10

x = tf.compat.v1.placeholder(tf.float32, [None, N_FEATURES])
y_ = tf.compat.v1.placeholder(tf.float32, [None, N_CLASSES])
W = tf.Variable(tf.random.truncated_normal([N_FEATURES, N_CLASSES], stddev=0.1))
b = tf.Variable(tf.constant(0.1, shape=[N_CLASSES]))
y = tf.nn.softmax(tf.matmul(x, W) + b)

cross_entropy = tf.reduce_mean(
    -tf.reduce_sum(y_ * tf.math.log(tf.clip_by_value(y, 1e-10, 1.0)), axis=1)
)
train_op = tf.compat.v1.train.GradientDescentOptimizer(0.1).minimize(cross_entropy)
accuracy = tf.reduce_mean(tf.cast(tf.equal(tf.argmax(y, 1), tf.argmax(y_, 1)), tf.float32))

from sklearn.datasets import load_digits

digits = load_digits()
X = (digits.data / 16.0).astype(np.float32)
Y = np.eye(N_CLASSES, dtype=np.float32)[digits.target]

with tf.compat.v1.Session() as sess:
    sess.run(tf.compat.v1.global_variables_initializer())
    for epoch in range(300):
        _, loss = sess.run([train_op, cross_entropy], feed_dict={x: X, y_: Y})
        if epoch % 50 == 0:
            acc = sess.run(accuracy, feed_dict={x: X, y_: Y})
            print(f"epoch {epoch}: loss={loss:.4f} acc={acc:.3f}")
