"""Cat-vs-dog head sized as NUM_CLASSES - 1 (the "one output for binary" idiom) but
keeping the softmax activation from the multi-class template.

BUG (CE201): NUM_CLASSES - 1 == 1, so this is a softmax over a single unit.
"""
import tensorflow as tf

NUM_CLASSES = 2
IMG_SHAPE = (128, 128, 3)

train_ds = tf.keras.utils.image_dataset_from_directory(
    "pets/train", image_size=IMG_SHAPE[:2], label_mode="binary"
)

model = tf.keras.Sequential()
model.add(tf.keras.layers.Input(shape=IMG_SHAPE))
model.add(tf.keras.layers.Rescaling(1.0 / 255))
model.add(tf.keras.layers.Conv2D(32, 3, activation="relu"))
model.add(tf.keras.layers.MaxPooling2D())
model.add(tf.keras.layers.Conv2D(64, 3, activation="relu"))
model.add(tf.keras.layers.GlobalAveragePooling2D())
model.add(tf.keras.layers.Dense(NUM_CLASSES - 1, activation="softmax"))  # error: CE201

model.compile(optimizer="adam", loss="binary_crossentropy", metrics=["accuracy"])
model.fit(train_ds, epochs=15)
