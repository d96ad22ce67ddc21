"""TF2 loop with a subclassed tf.keras.Model whose final Dense layer has
activation='softmax', and a loss object SparseCategoricalCrossentropy(from_logits=True)
called directly inside the GradientTape.

BUG (CE101), reported on the from_logits= keyword line (the multi-line constructor).
"""
import tensorflow as tf


class TextModel(tf.keras.Model):
    def __init__(self, vocab_size=20000, embed_dim=128, num_classes=4):
        super().__init__()
        self.embedding = tf.keras.layers.Embedding(vocab_size, embed_dim)
        self.pool = tf.keras.layers.GlobalAveragePooling1D()
        self.hidden = tf.keras.layers.Dense(64, activation="relu")
        self.classifier = tf.keras.layers.Dense(num_classes, activation="softmax")

    def call(self, inputs, training=False):
        x = self.embedding(inputs)
        x = self.pool(x)
        x = self.hidden(x)
        return self.classifier(x)


model = TextModel()
loss_fn = tf.keras.losses.SparseCategoricalCrossentropy(
    from_logits=True,  # error: CE101
    reduction="sum_over_batch_size",
)
optimizer = tf.keras.optimizers.Adam(learning_rate=5e-4)


@tf.function
def train_step(token_ids, labels):
    with tf.GradientTape() as tape:
        probs = model(token_ids, training=True)
        loss = loss_fn(labels, probs)
    gradients = tape.gradient(loss, model.trainable_variables)
    optimizer.apply_gradients(zip(gradients, model.trainable_variables))
    return loss


def main():
    ds = tf.data.Dataset.from_tensor_slices((
        tf.random.uniform((5000, 200), maxval=20000, dtype=tf.int32),
        tf.random.uniform((5000,), maxval=4, dtype=tf.int32),
    )).batch(32)
    for epoch in range(5):
        for ids, y in ds:
            loss = train_step(ids, y)
        print(epoch, float(loss))


if __name__ == "__main__":
    main()
