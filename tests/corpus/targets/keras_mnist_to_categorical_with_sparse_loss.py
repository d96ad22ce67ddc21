"""MNIST MLP: labels are one-hot encoded with to_categorical, but the model is
compiled with sparse_categorical_crossentropy, which expects class indices.

Bug: CE301 (sparse loss fed one-hot targets). Keras raises a shape error or,
with some backends, silently trains on garbage.
"""
from tensorflow import keras
from tensorflow.keras import layers
from tensorflow.keras.utils import to_categorical

NUM_CLASSES = 10
BATCH_SIZE = 128
EPOCHS = 12

(x_train, y_train), (x_test, y_test) = keras.datasets.mnist.load_data()

x_train = x_train.reshape(-1, 784).astype("float32") / 255.0
x_test = x_test.reshape(-1, 784).astype("float32") / 255.0

y_train = to_categorical(y_train, NUM_CLASSES)
y_test = to_categorical(y_test, NUM_CLASSES)

model = keras.Sequential(
    [
        keras.Input(shape=(784,)),
        layers.Dense(512, activation="relu"),
        layers.Dropout(0.2),
        layers.Dense(512, activation="relu"),
        layers.Dropout(0.2),
        layers.Dense(NUM_CLASSES, activation="softmax"),
    ]
)
model.summary()

model.compile(
    loss="sparse_categorical_crossentropy",  # error: CE301
    optimizer=keras.optimizers.RMSprop(),
    metrics=["accuracy"],
)

history = model.fit(
    x_train,
    y_train,
    batch_size=BATCH_SIZE,
    epochs=EPOCHS,
    verbose=1,
    validation_data=(x_test, y_test),
)
score = model.evaluate(x_test, y_test, verbose=0)
print("Test loss:", score[0])
print("Test accuracy:", score[1])
