# Binary churn model in TF 1.x with a weights dictionary: log_loss on the sigmoid
# of the output layer, which is what log_loss expects.
import numpy as np
import tensorflow as tf

data = np.load("churn.npz")
X_train, y_train = data["X"], data["y"].reshape(-1, 1)

n_features = X_train.shape[1]
weights = {
    "hidden": tf.Variable(tf.truncated_normal([n_features, 32], stddev=0.1)),
    "out": tf.Variable(tf.truncated_normal([32, 1], stddev=0.1)),
}
biases = {"hidden": tf.Variable(tf.zeros([32])), "out": tf.Variable(tf.zeros([1]))}

x = tf.placeholder(tf.float32, [None, n_features])
y = tf.placeholder(tf.float32, [None, 1])

hidden = tf.nn.relu(tf.add(tf.matmul(x, weights["hidden"]), biases["hidden"]))
logit = tf.add(tf.matmul(hidden, weights["out"]), biases["out"])
prob = tf.sigmoid(logit)
loss = tf.losses.log_loss(y, prob)
train_op = tf.train.AdamOptimizer(1e-3).minimize(loss)

with tf.Session() as sess:
    sess.run(tf.global_variables_initializer())
    for epoch in range(50):
        sess.run(train_op, feed_dict={x: X_train, y: y_train})
