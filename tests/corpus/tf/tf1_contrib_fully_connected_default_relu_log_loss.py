# Click-through prediction with tf.contrib.layers (TF 1.x). fully_connected's
# default activation_fn is ReLU, so the one-unit "probability" is a ReLU output
# and log_loss receives values that are not probabilities.
import pandas as pd
import tensorflow as tf

df = pd.read_csv("clicks.csv")
features = df.drop(columns=["clicked"]).values.astype("float32")
clicked = df["clicked"].values.reshape(-1, 1).astype("float32")

x = tf.placeholder(tf.float32, [None, features.shape[1]])
y = tf.placeholder(tf.float32, [None, 1])


def ctr_tower(inputs):
    net = tf.contrib.layers.fully_connected(inputs, 64)
    net = tf.contrib.layers.fully_connected(net, 32)
    return tf.contrib.layers.fully_connected(net, 1)


p_click = ctr_tower(x)
loss = tf.losses.log_loss(y, p_click)  # error: CE102
opt = tf.train.AdagradOptimizer(0.05).minimize(loss)

with tf.Session() as sess:
    sess.run(tf.global_variables_initializer())
    for epoch in range(10):
        sess.run(opt, feed_dict={x: features, y: clicked})
