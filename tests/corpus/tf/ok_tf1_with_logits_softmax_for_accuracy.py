"""TF1 MNIST convnet: tf.nn.softmax_cross_entropy_with_logits_v2 is given the raw
logits; tf.nn.softmax(logits) is computed separately, only for accuracy and for the
exported prediction tensor.

CORRECT (no finding).
"""
import numpy as np
import tensorflow as tf

tf.compat.v1.disable_eager_execution()

x = tf.compat.v1.placeholder(tf.float32, [None, 28, 28, 1], name="x")
y_ = tf.compat.v1.placeholder(tf.float32, [None, 10], name="y_")

conv1 = tf.compat.v1.layers.conv2d(x, 32, 5, padding="same", activation=tf.nn.relu)
pool1 = tf.compat.v1.layers.max_pooling2d(conv1, 2, 2)
conv2 = tf.compat.v1.layers.conv2d(pool1, 64, 5, padding="same", activation=tf.nn.relu)
pool2 = tf.compat.v1.layers.max_pooling2d(conv2, 2, 2)
flat = tf.reshape(pool2, [-1, 7 * 7 * 64])
fc1 = tf.compat.v1.layers.dense(flat, 1024, activation=tf.nn.relu)
logits = tf.compat.v1.layers.dense(fc1, 10)

cross_entropy = tf.reduce_mean(tf.nn.softmax_cross_entropy_with_logits_v2(labels=y_, logits=logits))
train_step = tf.compat.v1.train.AdamOptimizer(1e-4).minimize(cross_entropy)

y_prob = tf.nn.softmax(logits, name="probabilities")
correct = tf.equal(tf.argmax(y_prob, 1), tf.argmax(y_, 1))
accuracy = tf.reduce_mean(tf.cast(correct, tf.float32))

(xtr, ytr), (xte, yte) = tf.keras.datasets.mnist.load_data()
xtr = xtr[..., None].astype(np.float32) / 255.0
xte = xte[..., None].astype(np.float32) / 255.0
ytr, yte = np.eye(10)[ytr], np.eye(10)[yte]

with tf.compat.v1.Session() as sess:
    sess.run(tf.compat.v1.global_variables_initializer())
    for i in range(2000):
        idx = np.random.randint(0, len(xtr), 50)
        if i % 200 == 0:
            print(i, sess.run(accuracy, feed_dict={x: xtr[idx], y_: ytr[idx]}))
        sess.run(train_step, feed_dict={x: xtr[idx], y_: ytr[idx]})
    print("test", sess.run(accuracy, feed_dict={x: xte[:2000], y_: yte[:2000]}))
