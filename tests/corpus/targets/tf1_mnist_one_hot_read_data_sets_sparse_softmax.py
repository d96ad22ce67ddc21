"""TF1 MNIST softmax regression. The data is loaded with
read_data_sets(..., one_hot=True), so every batch of labels is a (100, 10)
one-hot matrix, but the loss is tf.nn.sparse_softmax_cross_entropy_with_logits,
which expects a vector of class indices. The labels reach the loss through
feed_dict={y_: batch_ys}.

Bug: CE301, reported on the loss line.
"""
import tensorflow as tf
from tensorflow.examples.tutorials.mnist import input_data

mnist = input_data.read_data_sets("MNIST_data/", one_hot=True)

x = tf.placeholder(tf.float32, [None, 784])
W = tf.Variable(tf.zeros([784, 10]))
b = tf.Variable(tf.zeros([10]))
y = tf.matmul(x, W) + b

y_ = tf.placeholder(tf.int64, [None])

cross_entropy = tf.reduce_mean(tf.nn.sparse_softmax_cross_entropy_with_logits(labels=y_, logits=y))  # error: CE301
train_step = tf.train.GradientDescentOptimizer(0.5).minimize(cross_entropy)

sess = tf.InteractiveSession()
tf.global_variables_initializer().run()

for step in range(1000):
    batch_xs, batch_ys = mnist.train.next_batch(100)
    sess.run(train_step, feed_dict={x: batch_xs, y_: batch_ys})
    if step % 100 == 0:
        print(step, sess.run(cross_entropy, feed_dict={x: batch_xs, y_: batch_ys}))

correct_prediction = tf.equal(tf.argmax(y, 1), y_)
accuracy = tf.reduce_mean(tf.cast(correct_prediction, tf.float32))
print(sess.run(accuracy, feed_dict={x: mnist.test.images, y_: mnist.test.labels}))
