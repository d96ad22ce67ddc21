# Cats vs dogs features in TF1: a two-unit softmax trained with log_loss against
# two one-hot columns. Elementwise log loss on a 2-way softmax is a valid (if
# unusual) binary cross-entropy: shapes match, inputs are probabilities.
import numpy as np
import tensorflow as tf

feats = np.load("bottleneck_features.npy")
is_dog = np.load("bottleneck_labels.npy")
onehot = np.eye(2)[is_dog]

x = tf.placeholder(tf.float32, [None, 2048])
y = tf.placeholder(tf.float32, [None, 2])
W = tf.Variable(tf.zeros([2048, 2]))
b = tf.Variable(tf.zeros([2]))
probs = tf.nn.softmax(tf.matmul(x, W) + b)
loss = tf.losses.log_loss(y, probs)
train = tf.train.GradientDescentOptimizer(0.1).minimize(loss)

with tf.Session() as sess:
    sess.run(tf.global_variables_initializer())
    for i in range(300):
        sess.run(train, feed_dict={x: feats, y: onehot})
