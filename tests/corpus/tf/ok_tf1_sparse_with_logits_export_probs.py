"""TF1 text classifier over averaged word vectors: the loss is
tf.nn.sparse_softmax_cross_entropy_with_logits on the dense layer output; the
softmax is only added as a named output for serving.

CORRECT (no finding).
"""
import numpy as np
import tensorflow as tf

tf.compat.v1.disable_eager_execution()
VOCAB, DIM, CLASSES = 50000, 100, 20

graph = tf.Graph()
with graph.as_default():
    tokens = tf.compat.v1.placeholder(tf.int32, [None, None], name="tokens")
    label = tf.compat.v1.placeholder(tf.int64, [None], name="label")
    emb = tf.compat.v1.get_variable("emb", [VOCAB, DIM])
    avg = tf.reduce_mean(tf.nn.embedding_lookup(emb, tokens), axis=1)
    hidden = tf.compat.v1.layers.dense(avg, 256, activation=tf.nn.tanh)
    logits = tf.compat.v1.layers.dense(hidden, CLASSES, name="logits")

    xent = tf.nn.sparse_softmax_cross_entropy_with_logits(labels=label, logits=logits)
    loss = tf.reduce_mean(xent)
    train_op = tf.compat.v1.train.AdamOptimizer(1e-3).minimize(loss)
    probabilities = tf.nn.softmax(logits, name="probabilities")
    saver = tf.compat.v1.train.Saver()

docs = np.random.randint(0, VOCAB, size=(4000, 80))
labels = np.random.randint(0, CLASSES, size=4000)

with tf.compat.v1.Session(graph=graph) as sess:
    sess.run(tf.compat.v1.global_variables_initializer())
    for epoch in range(8):
        for i in range(0, len(docs), 64):
            _, l = sess.run([train_op, loss], feed_dict={tokens: docs[i:i + 64], label: labels[i:i + 64]})
        print(epoch, l)
    saver.save(sess, "./newsgroups/model.ckpt")
