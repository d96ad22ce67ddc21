"""Logistic regression on two moons in TF1 (tf.compat.v1), written with
get_variable. The output layer was given two units "one per class", but the
targets are one 0/1 column: log_loss compares a (batch, 1) column with a
(batch, 2) output.
"""
import numpy as np
import tensorflow as tf
from sklearn.datasets import make_moons
from sklearn.model_selection import train_test_split

tf.compat.v1.disable_eager_execution()

X, y = make_moons(n_samples=1000, noise=0.2, random_state=0)
X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.2)

inputs = tf.compat.v1.placeholder(tf.float32, [None, 2], name="inputs")
targets = tf.compat.v1.placeholder(tf.float32, [None, 1], name="targets")

with tf.compat.v1.variable_scope("hidden"):
    W1 = tf.compat.v1.get_variable("W", [2, 16])
    b1 = tf.compat.v1.get_variable("b", [16], initializer=tf.zeros_initializer())
    h = tf.nn.relu(tf.matmul(inputs, W1) + b1)

with tf.compat.v1.variable_scope("output"):
    W2 = tf.compat.v1.get_variable("W", [16, 2])  # error: CE303
    b2 = tf.compat.v1.get_variable("b", [2], initializer=tf.zeros_initializer())
    probs = tf.sigmoid(tf.matmul(h, W2) + b2)

loss = tf.compat.v1.losses.log_loss(labels=targets, predictions=probs)
train_op = tf.compat.v1.train.GradientDescentOptimizer(0.5).minimize(loss)

with tf.compat.v1.Session() as sess:
    sess.run(tf.compat.v1.global_variables_initializer())
    for epoch in range(200):
        _, l = sess.run([train_op, loss], feed_dict={inputs: X_train, targets: y_train.reshape(-1, 1)})
    print("final loss", l)
