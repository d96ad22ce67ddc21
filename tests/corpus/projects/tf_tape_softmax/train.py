"""Custom training loop for the flower classifier.

BUG (CE101): build_classifier() ends in a softmax Dense layer and its output is given
to tf.nn.softmax_cross_entropy_with_logits as logits.
"""
import tensorflow as tf

from .model import build_classifier

NUM_CLASSES = 5

model = build_classifier(NUM_CLASSES)
optimizer = tf.keras.optimizers.Adam(1e-4)
train_acc = tf.keras.metrics.CategoricalAccuracy()


@tf.function
def train_step(images, labels):
    onehot = tf.one_hot(labels, NUM_CLASSES)
    with tf.GradientTape() as tape:
        preds = model(images, training=True)
        loss = tf.reduce_mean(tf.nn.softmax_cross_entropy_with_logits(labels=onehot, logits=preds))  # error: CE101
    grads = tape.gradient(loss, model.trainable_variables)
    optimizer.apply_gradients(zip(grads, model.trainable_variables))
    train_acc.update_state(onehot, preds)
    return loss


def main():
    ds = tf.keras.utils.image_dataset_from_directory("flower_photos", image_size=(160, 160), batch_size=32)
    for epoch in range(10):
        train_acc.reset_state()
        for images, labels in ds:
            loss = train_step(images, labels)
        print(f"epoch {epoch}: loss={float(loss):.4f} acc={float(train_acc.result()):.3f}")


if __name__ == "__main__":
    main()
