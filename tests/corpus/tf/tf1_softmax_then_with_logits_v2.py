"""TF1 graph with a two-layer MLP on CIFAR features: the output is passed through
tf.nn.softmax and then given to tf.nn.softmax_cross_entropy_with_logits_v2 as logits.

BUG (CE101): the *_with_logits op applies softmax itself.
"""
import numpy as np
import tensorflow as tf

tf.compat.v1.disable_eager_execution()

N_IN, N_HIDDEN, N_CLASSES = 2048, 512, 10

features = tf.compat.v1.placeholder(tf.float32, shape=[None, N_IN], name="features")
labels = tf.compat.v1.placeholder(tf.float32, shape=[None, N_CLASSES], name="labels")
keep_prob = tf.compat.v1.placeholder_with_default(1.0, shape=())

W1 = tf.compat.v1.get_variable("W1", [N_IN, N_HIDDEN], initializer=tf.compat.v1.glorot_uniform_initializer())
b1 = tf.compat.v1.get_variable("b1", [N_HIDDEN], initializer=tf.compat.v1.zeros_initializer())
W2 = tf.compat.v1.get_variable("W2", [N_HIDDEN, N_CLASSES], initializer=tf.compat.v1.glorot_uniform_initializer())
b2 = tf.compat.v1.get_variable("b2", [N_CLASSES], initializer=tf.compat.v1.zeros_initializer())

hidden = tf.nn.relu(tf.matmul(features, W1) + b1)
hidden = tf.nn.dropout(hidden, rate=1.0 - keep_prob)
out = tf.nn.softmax(tf.matmul(hidden, W2) + b2)

loss = tf.reduce_mean(
    tf.nn.softmax_cross_entropy_with_logits_v2(labels=labels, logits=out)  # error: CE101
)
optimizer = tf.compat.v1.train.AdamOptimizer(learning_rate=1e-3).minimize(loss)
accuracy = tf.reduce_mean(tf.cast(tf.equal(tf.argmax(out, 1), tf.argmax(labels, 1)), tf.float32))

X = np.load("cifar_features.npy").astype(np.float32)
Y = np.eye(N_CLASSES, dtype=np.float32)[np.load("cifar_labels.npy")]

with tf.compat.v1.Session() as sess:
    sess.run(tf.compat.v1.global_variables_initializer())
    for epoch in range(20):
        perm = np.random.permutation(len(X))
        for i in range(0, len(X), 256):
            idx = perm[i:i + 256]
            sess.run(optimizer, feed_dict={features: X[idx], labels: Y[idx], keep_prob: 0.5})
        l, a = sess.run([loss, accuracy], feed_dict={features: X[:5000], labels: Y[:5000]})
        print(f"epoch {epoch}: loss={l:.4f} acc={a:.3f}")
