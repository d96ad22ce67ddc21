"""Fashion-MNIST with a TensorFlow 2 custom training loop (tf.GradientTape).

The model already ends in a softmax and the loss is tf.nn.softmax_cross_entropy_with_logits,
which applies its own softmax: the classes are normalised twice.
"""
import tensorflow as tf

NUM_CLASSES = 10

(x_train, y_train), _ = tf.keras.datasets.fashion_mnist.load_data()
x_train = x_train.reshape(-1, 784).astype("float32") / 255.0
dataset = tf.data.Dataset.from_tensor_slices((x_train, y_train)).shuffle(10000).batch(128)

w1 = tf.Variable(tf.random.normal([784, 256], stddev=0.05))
b1 = tf.Variable(tf.zeros([256]))
w2 = tf.Variable(tf.random.normal([256, NUM_CLASSES], stddev=0.05))
b2 = tf.Variable(tf.zeros([NUM_CLASSES]))
variables = [w1, b1, w2, b2]
optimizer = tf.keras.optimizers.Adam(1e-3)


def forward(x):
    hidden = tf.nn.relu(tf.matmul(x, w1) + b1)
    return tf.nn.softmax(tf.matmul(hidden, w2) + b2)


@tf.function
def train_step(x, y):
    with tf.GradientTape() as tape:
        probs = forward(x)
        labels = tf.one_hot(y, NUM_CLASSES)
        loss = tf.reduce_mean(tf.nn.softmax_cross_entropy_with_logits(labels=labels, logits=probs))  # error: CE101
    grads = tape.gradient(loss, variables)
    optimizer.apply_gradients(zip(grads, variables))
    return loss


for epoch in range(5):
    for step, (xb, yb) in enumerate(dataset):
        loss = train_step(xb, yb)
    print(f"epoch {epoch}: loss {float(loss):.4f}")
