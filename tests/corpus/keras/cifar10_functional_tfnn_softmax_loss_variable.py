"""CIFAR-10 CNN (functional API) using tf.nn.softmax as the head activation.

The loss object is built in a variable first with from_logits=True.
BUG (CE101): the head outputs probabilities (tf.nn.softmax), the loss expects logits.
The finding belongs on the line where the loss object is created.
"""
import tensorflow as tf

(x_train, y_train), (x_test, y_test) = tf.keras.datasets.cifar10.load_data()
x_train, x_test = x_train / 255.0, x_test / 255.0
y_train = tf.keras.utils.to_categorical(y_train, 10)
y_test = tf.keras.utils.to_categorical(y_test, 10)

inputs = tf.keras.Input(shape=(32, 32, 3))
x = tf.keras.layers.Conv2D(32, 3, padding="same", activation="relu")(inputs)
x = tf.keras.layers.MaxPooling2D()(x)
x = tf.keras.layers.Conv2D(64, 3, padding="same", activation="relu")(x)
x = tf.keras.layers.MaxPooling2D()(x)
x = tf.keras.layers.Flatten()(x)
x = tf.keras.layers.Dense(128, activation="relu")(x)
outputs = tf.keras.layers.Dense(10, activation=tf.nn.softmax)(x)
model = tf.keras.Model(inputs, outputs)

loss_fn = tf.keras.losses.CategoricalCrossentropy(from_logits=True)  # error: CE101
optimizer = tf.keras.optimizers.SGD(learning_rate=0.01, momentum=0.9)

model.compile(optimizer=optimizer, loss=loss_fn, metrics=["accuracy"])
model.fit(x_train, y_train, batch_size=64, epochs=20, validation_data=(x_test, y_test))
model.save("cifar10_cnn.keras")
