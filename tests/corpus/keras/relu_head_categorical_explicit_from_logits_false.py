"""Five-class land-use classifier whose last layer is Dense(5, activation="relu").

BUG (CE102): relu scores are not a distribution; from_logits=False is written out
explicitly, so the finding goes on that keyword's line.
"""
import numpy as np
import tensorflow as tf

NUM_CLASSES = 5

x = np.random.rand(2000, 16).astype("float32")
labels = np.random.randint(0, NUM_CLASSES, size=2000)
y = tf.keras.utils.to_categorical(labels, NUM_CLASSES)

model = tf.keras.Sequential([
    tf.keras.layers.Input(shape=(16,)),
    tf.keras.layers.Dense(64, activation="relu"),
    tf.keras.layers.Dense(NUM_CLASSES, activation="relu"),
])

loss = tf.keras.losses.CategoricalCrossentropy(from_logits=False)  # error: CE102
model.compile(optimizer=tf.keras.optimizers.Adam(), loss=loss, metrics=["categorical_accuracy"])
model.fit(x, y, epochs=25, batch_size=64)
