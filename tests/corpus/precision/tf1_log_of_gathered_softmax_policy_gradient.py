"""TF1 REINFORCE agent: the policy's softmax is flattened and the probabilities of the taken
actions gathered, then logged by hand for the policy-gradient loss.
"""
import tensorflow as tf

n_actions = 4
states = tf.placeholder(tf.float32, [None, 8])
actions = tf.placeholder(tf.int32, [None])
returns = tf.placeholder(tf.float32, [None])

hidden = tf.layers.dense(states, 64, activation=tf.nn.relu)
policy = tf.nn.softmax(tf.layers.dense(hidden, n_actions))

indices = tf.range(tf.shape(policy)[0]) * n_actions + actions
picked = tf.gather(tf.reshape(policy, [-1]), indices)
loss = -tf.reduce_mean(tf.log(picked) * returns)  # error: CE103
train_op = tf.train.AdamOptimizer(1e-3).minimize(loss)
