"""TF2 custom loop, Fashion-MNIST: Keras Sequential ends in Dense(10) with no
activation; SparseCategoricalCrossentropy(from_logits=True) is called directly and
tf.nn.softmax is used only in predict().

CORRECT (no finding).
"""
import tensorflow as tf

(train_images, train_labels), (test_images, test_labels) = tf.keras.datasets.fashion_mnist.load_data()
train_images, test_images = train_images / 255.0, test_images / 255.0

model = tf.keras.Sequential([
    tf.keras.layers.Flatten(input_shape=(28, 28)),
    tf.keras.layers.Dense(128, activation="relu"),
    tf.keras.layers.Dropout(0.2),
    tf.keras.layers.Dense(10),
])

loss_object = tf.keras.losses.SparseCategoricalCrossentropy(from_logits=True)
optimizer = tf.keras.optimizers.Adam()
train_loss = tf.keras.metrics.Mean(name="train_loss")


@tf.function
def train_step(images, labels):
    with tf.GradientTape() as tape:
        logits = model(images, training=True)
        loss = loss_object(labels, logits)
    gradients = tape.gradient(loss, model.trainable_variables)
    optimizer.apply_gradients(zip(gradients, model.trainable_variables))
    train_loss(loss)


def predict(images):
    return tf.nn.softmax(model(images, training=False), axis=-1)


ds = tf.data.Dataset.from_tensor_slices((train_images, train_labels)).shuffle(60000).batch(32)
for epoch in range(5):
    train_loss.reset_state()
    for images, labels in ds:
        train_step(images, labels)
    print(f"Epoch {epoch + 1}, Loss: {train_loss.result():.4f}")

probs = predict(test_images[:10])
print(tf.argmax(probs, axis=1).numpy(), test_labels[:10])
