"""TF2 label-smoothed cross-entropy written by hand with the stable op:
-tf.reduce_sum(smoothed * tf.nn.log_softmax(logits), axis=-1), inside a
GradientTape step over a Keras model that ends in Dense(num_classes).

CORRECT (no finding): log_softmax is the fused, stable form.
"""
import tensorflow as tf

NUM_CLASSES = 100


def build_model():
    base = tf.keras.applications.MobileNetV2(input_shape=(96, 96, 3), include_top=False, weights=None)
    return tf.keras.Sequential([
        base,
        tf.keras.layers.GlobalAveragePooling2D(),
        tf.keras.layers.Dense(NUM_CLASSES),
    ])


def smoothed_cross_entropy(labels, logits, eps=0.1):
    onehot = tf.one_hot(labels, NUM_CLASSES)
    smoothed = onehot * (1.0 - eps) + eps / NUM_CLASSES
    return tf.reduce_mean(-tf.reduce_sum(smoothed * tf.nn.log_softmax(logits), axis=-1))


model = build_model()
optimizer = tf.keras.optimizers.SGD(learning_rate=0.05, momentum=0.9)


@tf.function
def train_step(images, labels):
    with tf.GradientTape() as tape:
        logits = model(images, training=True)
        loss = smoothed_cross_entropy(labels, logits)
    grads = tape.gradient(loss, model.trainable_variables)
    optimizer.apply_gradients(zip(grads, model.trainable_variables))
    return loss


for step in range(100):
    images = tf.random.uniform((32, 96, 96, 3))
    labels = tf.random.uniform((32,), maxval=NUM_CLASSES, dtype=tf.int32)
    loss = train_step(images, labels)
    if step % 10 == 0:
        print(step, float(loss))
