# Fashion-MNIST classifier in TF 1.x with tf.layers inside a model function.
# tf.losses.softmax_cross_entropy(onehot_labels, logits) is called positionally,
# and what goes in as logits already went through a softmax.
import numpy as np
import tensorflow as tf


def build_model(images, n_classes, training):
    net = tf.layers.flatten(images)
    net = tf.layers.dense(net, 256, activation=tf.nn.relu)
    net = tf.layers.dropout(net, rate=0.3, training=training)
    return tf.layers.dense(net, n_classes, activation=tf.nn.softmax, name="predictions")


(x_train, y_train), (x_test, y_test) = tf.keras.datasets.fashion_mnist.load_data()
x_train = x_train.astype(np.float32) / 255.0
y_train_onehot = np.eye(10)[y_train]

images = tf.placeholder(tf.float32, [None, 28, 28])
labels = tf.placeholder(tf.float32, [None, 10])
is_training = tf.placeholder_with_default(False, shape=())

predictions = build_model(images, 10, is_training)
loss = tf.losses.softmax_cross_entropy(labels, predictions)  # error: CE101
train_op = tf.train.AdamOptimizer(1e-3).minimize(loss)

with tf.Session() as sess:
    sess.run(tf.global_variables_initializer())
    for start in range(0, len(x_train), 100):
        feed = {images: x_train[start:start + 100], labels: y_train_onehot[start:start + 100], is_training: True}
        sess.run(train_op, feed_dict=feed)
