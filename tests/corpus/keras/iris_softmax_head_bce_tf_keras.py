"""Iris (3 species) with a softmax head and binary_crossentropy under tf.keras.

BUG (CE203): with tf.keras, 'accuracy' then resolves to binary accuracy over the
three one-hot columns and reports ~0.9 even for a poor model.
"""
import tensorflow as tf
from sklearn.datasets import load_iris
from sklearn.preprocessing import StandardScaler

iris = load_iris()
X = StandardScaler().fit_transform(iris.data)
y = tf.keras.utils.to_categorical(iris.target, num_classes=3)

model = tf.keras.Sequential([
    tf.keras.layers.Dense(10, activation="relu", input_shape=(4,)),
    tf.keras.layers.Dense(10, activation="relu"),
    tf.keras.layers.Dense(3, activation="softmax"),
])
model.compile(
    optimizer=tf.keras.optimizers.Adam(0.01),
    loss="binary_crossentropy",  # error: CE203
    metrics=["accuracy"],
)
history = model.fit(X, y, epochs=100, batch_size=8, validation_split=0.2, verbose=0)
print(history.history["val_accuracy"][-1])
