"""Fashion-MNIST classifier where softmax is a separate Activation layer.

The loss constructor spans several lines with from_logits=True on its own line.
BUG (CE101): Dense(10) + Activation("softmax") produces probabilities; the finding
goes on the from_logits keyword line.
"""
import numpy as np
from tensorflow import keras
from tensorflow.keras import layers

(x_train, y_train), (x_test, y_test) = keras.datasets.fashion_mnist.load_data()
x_train = np.expand_dims(x_train, -1).astype("float32") / 255.0
x_test = np.expand_dims(x_test, -1).astype("float32") / 255.0

model = keras.Sequential([
    layers.Input(shape=(28, 28, 1)),
    layers.Conv2D(32, kernel_size=(3, 3), activation="relu"),
    layers.MaxPooling2D(pool_size=(2, 2)),
    layers.Flatten(),
    layers.Dense(128),
    layers.BatchNormalization(),
    layers.Activation("relu"),
    layers.Dense(10),
    layers.Activation("softmax"),
])

model.compile(
    optimizer=keras.optimizers.RMSprop(learning_rate=5e-4),
    loss=keras.losses.SparseCategoricalCrossentropy(
        from_logits=True,  # error: CE101
        name="xent",
    ),
    metrics=["sparse_categorical_accuracy"],
)
model.fit(x_train, y_train, epochs=8, batch_size=256, validation_split=0.15)
print(model.evaluate(x_test, y_test, verbose=0))
