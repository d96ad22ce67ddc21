"""Fashion-MNIST with a tf.data pipeline. The integer labels from
fashion_mnist.load_data() are zipped with the images in
Dataset.from_tensor_slices((x, y)).batch(32) and the model is fit on the
dataset, but the loss is CategoricalCrossentropy, which expects one-hot rows.

Bug: CE302, reported on the loss constructor inside compile().
"""
import tensorflow as tf

fashion_mnist = tf.keras.datasets.fashion_mnist
(train_images, train_labels), (test_images, test_labels) = fashion_mnist.load_data()

train_images = train_images[..., None].astype("float32") / 255.0
test_images = test_images[..., None].astype("float32") / 255.0

train_ds = tf.data.Dataset.from_tensor_slices((train_images, train_labels))
train_ds = train_ds.shuffle(60000).batch(32)
test_ds = tf.data.Dataset.from_tensor_slices((test_images, test_labels)).batch(32)

model = tf.keras.Sequential([
    tf.keras.layers.Conv2D(32, 3, activation="relu", input_shape=(28, 28, 1)),
    tf.keras.layers.MaxPooling2D(),
    tf.keras.layers.Conv2D(64, 3, activation="relu"),
    tf.keras.layers.MaxPooling2D(),
    tf.keras.layers.Flatten(),
    tf.keras.layers.Dense(128, activation="relu"),
    tf.keras.layers.Dense(10, activation="softmax"),
])

model.compile(optimizer="adam",
              loss=tf.keras.losses.CategoricalCrossentropy(),  # error: CE302
              metrics=["accuracy"])

model.fit(train_ds, epochs=10, validation_data=test_ds)
model.evaluate(test_ds, verbose=2)
