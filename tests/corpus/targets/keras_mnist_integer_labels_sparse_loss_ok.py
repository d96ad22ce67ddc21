"""Correct: the standard MNIST Keras recipe with integer labels straight from
mnist.load_data() and sparse_categorical_crossentropy. Class indices into a
sparse loss, 10-unit softmax head for 10 digits. No finding.
"""
import tensorflow as tf

mnist = tf.keras.datasets.mnist
(x_train, y_train), (x_test, y_test) = mnist.load_data()
x_train, x_test = x_train / 255.0, x_test / 255.0

model = tf.keras.models.Sequential([
    tf.keras.layers.Flatten(input_shape=(28, 28)),
    tf.keras.layers.Dense(128, activation="relu"),
    tf.keras.layers.Dropout(0.2),
    tf.keras.layers.Dense(10, activation="softmax"),
])

model.compile(optimizer="adam",
              loss="sparse_categorical_crossentropy",
              metrics=["accuracy"])

model.fit(x_train, y_train, epochs=5, validation_data=(x_test, y_test))
model.evaluate(x_test, y_test, verbose=2)

probability_model = tf.keras.Sequential([model])
predictions = probability_model.predict(x_test[:5])
for p, label in zip(predictions, y_test[:5]):
    print("predicted", p.argmax(), "actual", label)
