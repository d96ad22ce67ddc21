"""Correct: TF1 MNIST with read_data_sets("MNIST_data/") (one_hot defaults to
False), so next_batch returns integer class ids, fed through feed_dict into
tf.nn.sparse_softmax_cross_entropy_with_logits. No finding.
"""
import tensorflow as tf
from tensorflow.examples.tutorials.mnist import input_data

mnist = input_data.read_data_sets("MNIST_data/", one_hot=False)

images = tf.placeholder(tf.float32, shape=[None, 784])
labels = tf.placeholder(tf.int64, shape=[None])

hidden1 = tf.layers.dense(images, 128, activation=tf.nn.relu)
hidden2 = tf.layers.dense(hidden1, 32, activation=tf.nn.relu)
logits = tf.layers.dense(hidden2, 10)

loss = tf.reduce_mean(tf.nn.sparse_softmax_cross_entropy_with_logits(labels=labels, logits=logits))
global_step = tf.train.get_or_create_global_step()
train_op = tf.train.AdamOptimizer(1e-3).minimize(loss, global_step=global_step)
correct = tf.nn.in_top_k(logits, labels, 1)
eval_correct = tf.reduce_sum(tf.cast(correct, tf.int32))

with tf.Session() as sess:
    sess.run(tf.global_variables_initializer())
    for step in range(5000):
        xs, ys = mnist.train.next_batch(100)
        _, loss_value = sess.run([train_op, loss], feed_dict={images: xs, labels: ys})
        if step % 1000 == 0:
            print("step %d: loss = %.3f" % (step, loss_value))
    n_correct = sess.run(eval_correct, feed_dict={images: mnist.test.images, labels: mnist.test.labels})
    print("precision @ 1:", n_correct / mnist.test.num_examples)
