"""TF1 multi-label attribute predictor (40 CelebA attributes): the graph computes
probs = tf.sigmoid(logits) and passes probs to tf.nn.sigmoid_cross_entropy_with_logits.

BUG (CE101), reported where the multi-line call starts.
"""
import numpy as np
import tensorflow as tf

tf.compat.v1.disable_eager_execution()
N_ATTR = 40

images = tf.compat.v1.placeholder(tf.float32, [None, 64, 64, 3])
attrs = tf.compat.v1.placeholder(tf.float32, [None, N_ATTR])
is_training = tf.compat.v1.placeholder(tf.bool, [])

net = tf.compat.v1.layers.conv2d(images, 32, 3, strides=2, activation=tf.nn.relu)
net = tf.compat.v1.layers.batch_normalization(net, training=is_training)
net = tf.compat.v1.layers.conv2d(net, 64, 3, strides=2, activation=tf.nn.relu)
net = tf.compat.v1.layers.conv2d(net, 128, 3, strides=2, activation=tf.nn.relu)
net = tf.compat.v1.layers.flatten(net)
logits = tf.compat.v1.layers.dense(net, N_ATTR)
probs = tf.sigmoid(logits)

per_attr_loss = tf.nn.sigmoid_cross_entropy_with_logits(  # error: CE101
    labels=attrs,
    logits=probs,
)
loss = tf.reduce_mean(per_attr_loss)
update_ops = tf.compat.v1.get_collection(tf.compat.v1.GraphKeys.UPDATE_OPS)
with tf.control_dependencies(update_ops):
    train_op = tf.compat.v1.train.MomentumOptimizer(0.01, 0.9).minimize(loss)
mean_acc = tf.reduce_mean(tf.cast(tf.equal(tf.round(probs), attrs), tf.float32))

data_x = np.random.rand(1000, 64, 64, 3).astype(np.float32)
data_y = (np.random.rand(1000, N_ATTR) > 0.5).astype(np.float32)

with tf.compat.v1.Session() as sess:
    sess.run(tf.compat.v1.global_variables_initializer())
    for step in range(500):
        idx = np.random.randint(0, 1000, 64)
        _, l, a = sess.run([train_op, loss, mean_acc],
                           feed_dict={images: data_x[idx], attrs: data_y[idx], is_training: True})
        if step % 50 == 0:
            print(step, l, a)
