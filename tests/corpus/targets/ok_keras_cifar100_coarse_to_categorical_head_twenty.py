# CIFAR-100 superclasses: label_mode="coarse" gives 20 classes, matching the head.
from keras.datasets import cifar100
from keras.utils import to_categorical
from keras.models import Sequential
from keras.layers import Conv2D, Dense, Flatten, MaxPooling2D

(x_train, y_train), (x_test, y_test) = cifar100.load_data(label_mode="coarse")
y_train = to_categorical(y_train)
y_test = to_categorical(y_test)

model = Sequential([
    Conv2D(32, 3, activation="relu", input_shape=(32, 32, 3)),
    MaxPooling2D(),
    Flatten(),
    Dense(20, activation="softmax"),
])
model.compile(optimizer="adam", loss="categorical_crossentropy", metrics=["accuracy"])
model.fit(x_train / 255.0, y_train, epochs=5, validation_data=(x_test / 255.0, y_test))
