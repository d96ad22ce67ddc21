"""Food-101 subset classifier: softmax head with a multi-line
CategoricalCrossentropy(label_smoothing=0.1, from_logits=False).

CORRECT: probabilities into a probability loss.
"""
import numpy as np
import keras
from keras import layers

NUM_CLASSES = 21

images = np.random.rand(1000, 96, 96, 3).astype("float32")
labels = keras.utils.to_categorical(np.random.randint(0, NUM_CLASSES, size=1000), NUM_CLASSES)

model = keras.Sequential([
    keras.Input(shape=(96, 96, 3)),
    layers.Conv2D(32, 3, strides=2, activation="relu"),
    layers.Conv2D(64, 3, strides=2, activation="relu"),
    layers.GlobalAveragePooling2D(),
    layers.Dense(NUM_CLASSES, activation="softmax"),
])
model.compile(
    optimizer="adam",
    loss=keras.losses.CategoricalCrossentropy(
        label_smoothing=0.1,
        from_logits=False,
    ),
    metrics=["accuracy", keras.metrics.TopKCategoricalAccuracy(k=5)],
)
model.fit(images, labels, epochs=5, batch_size=32)
