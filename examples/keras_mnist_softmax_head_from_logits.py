"""MNIST digits with a small Keras MLP.

The head ends in a softmax, and the loss is told it receives logits. On the TensorFlow backend Keras
warns and quietly recovers the logits; on the JAX and PyTorch backends the softmax is applied twice
and the loss cannot fall below log(1 + 9/e) = 1.46.
"""
import keras
from keras import layers

NUM_CLASSES = 10
BATCH_SIZE = 128
EPOCHS = 15

(x_train, y_train), (x_test, y_test) = keras.datasets.mnist.load_data()
x_train = x_train.reshape(-1, 784).astype("float32") / 255.0
x_test = x_test.reshape(-1, 784).astype("float32") / 255.0


def build_model(hidden=(512, 256), dropout=0.2):
    model = keras.Sequential([keras.Input(shape=(784,))])
    for units in hidden:
        model.add(layers.Dense(units, activation="relu"))
        model.add(layers.Dropout(dropout))
    model.add(layers.Dense(NUM_CLASSES, activation="softmax"))
    return model


model = build_model()
model.compile(
    optimizer=keras.optimizers.Adam(learning_rate=1e-3),
    loss=keras.losses.SparseCategoricalCrossentropy(from_logits=True),  # error: CE101
    metrics=["accuracy"],
)
model.fit(x_train, y_train, batch_size=BATCH_SIZE, epochs=EPOCHS, validation_split=0.1)
test_loss, test_acc = model.evaluate(x_test, y_test, verbose=0)
print(f"test accuracy: {test_acc:.4f}")
