# Spam filter in tf.compat.v1 style: a one-unit sigmoid from
# tf.compat.v1.layers.dense inside a builder, trained with log_loss.
import numpy as np
import tensorflow as tf

tf.compat.v1.disable_eager_execution()

features = np.load("tfidf.npy").astype("float32")
is_spam = np.load("labels.npy").astype("float32").reshape(-1, 1)


def classifier(inputs):
    hidden = tf.compat.v1.layers.dense(inputs, 128, activation=tf.nn.relu)
    return tf.compat.v1.layers.dense(hidden, 1, activation=tf.nn.sigmoid)


x = tf.compat.v1.placeholder(tf.float32, [None, features.shape[1]])
y = tf.compat.v1.placeholder(tf.float32, [None, 1])
p_spam = classifier(x)
loss = tf.compat.v1.losses.log_loss(labels=y, predictions=p_spam)
step = tf.compat.v1.train.AdamOptimizer(1e-3).minimize(loss)

with tf.compat.v1.Session() as sess:
    sess.run(tf.compat.v1.global_variables_initializer())
    for epoch in range(5):
        sess.run(step, feed_dict={x: features, y: is_spam})
