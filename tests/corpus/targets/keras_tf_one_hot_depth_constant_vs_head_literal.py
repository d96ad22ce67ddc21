"""Land-cover patch classifier. The module defines NUM_CLASSES = 12 and uses
it for tf.one_hot(..., depth=NUM_CLASSES), but the head was written with a
hard-coded literal 10 from an earlier version of the label set. The targets
carry 12 columns, the model outputs 10.

Bug: CE303, reported on the head layer.
"""
import numpy as np
import tensorflow as tf

NUM_CLASSES = 12
IMG_SIZE = 64
BATCH = 64

patches = np.load("eurosat_patches.npy").astype("float32") / 255.0
class_ids = np.load("eurosat_labels.npy").astype("int32")

labels = tf.one_hot(class_ids, depth=NUM_CLASSES)

ds = tf.data.Dataset.from_tensor_slices((patches, labels))
ds = ds.shuffle(10000).batch(BATCH).prefetch(tf.data.AUTOTUNE)

model = tf.keras.Sequential([
    tf.keras.layers.Input(shape=(IMG_SIZE, IMG_SIZE, 3)),
    tf.keras.layers.Conv2D(32, 3, activation="relu"),
    tf.keras.layers.MaxPooling2D(),
    tf.keras.layers.Conv2D(64, 3, activation="relu"),
    tf.keras.layers.MaxPooling2D(),
    tf.keras.layers.Conv2D(128, 3, activation="relu"),
    tf.keras.layers.GlobalAveragePooling2D(),
    tf.keras.layers.Dense(128, activation="relu"),
    tf.keras.layers.Dense(10, activation="softmax"),  # error: CE303
])

model.compile(
    optimizer=tf.keras.optimizers.Adam(3e-4),
    loss=tf.keras.losses.CategoricalCrossentropy(),
    metrics=["accuracy"],
)
model.fit(ds, epochs=25)
model.save("landcover.keras")
