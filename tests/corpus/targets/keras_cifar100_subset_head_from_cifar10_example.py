"""CIFAR-100 quick experiment on a 5000-image subset. The labels are one-hot
encoded with to_categorical(..., num_classes=100) and sliced, but the model
was adapted from a CIFAR-10 script and its head still has 10 softmax units.
Training crashes with an incompatible-shapes error (100 vs 10).

Bug: CE303 on the head layer.
"""
from tensorflow import keras
from tensorflow.keras import layers
from tensorflow.keras.utils import to_categorical

(x_train, y_train), (x_test, y_test) = keras.datasets.cifar100.load_data(label_mode="fine")
x_train = x_train.astype("float32") / 255.0
x_test = x_test.astype("float32") / 255.0

y_train = to_categorical(y_train, num_classes=100)
y_test = to_categorical(y_test, num_classes=100)

x_small = x_train[:5000]
y_small = y_train[:5000]

model = keras.Sequential([
    keras.Input(shape=(32, 32, 3)),
    layers.Conv2D(32, 3, padding="same", activation="relu"),
    layers.Conv2D(32, 3, activation="relu"),
    layers.MaxPooling2D(),
    layers.Dropout(0.25),
    layers.Conv2D(64, 3, padding="same", activation="relu"),
    layers.Conv2D(64, 3, activation="relu"),
    layers.MaxPooling2D(),
    layers.Dropout(0.25),
    layers.Flatten(),
    layers.Dense(512, activation="relu"),
    layers.Dropout(0.5),
    layers.Dense(10, activation="softmax"),  # error: CE303
])

model.compile(loss="categorical_crossentropy", optimizer="adam", metrics=["accuracy"])
model.fit(x=x_small, y=y_small, batch_size=64, epochs=20, validation_split=0.1)
print(model.evaluate(x_test, y_test, verbose=0))
