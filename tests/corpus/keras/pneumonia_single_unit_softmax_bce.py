"""Chest X-ray normal/pneumonia CNN with Dense(1, activation="softmax").

BUG (CE201): softmax over one unit is constantly 1.0, so the model cannot learn.
It is the only finding for this head even though the loss is binary.
"""
import tensorflow as tf
from tensorflow.keras import layers

IMG_SIZE = (150, 150)

train_ds = tf.keras.utils.image_dataset_from_directory(
    "chest_xray/train", image_size=IMG_SIZE, batch_size=32, label_mode="binary"
)
val_ds = tf.keras.utils.image_dataset_from_directory(
    "chest_xray/val", image_size=IMG_SIZE, batch_size=32, label_mode="binary"
)

model = tf.keras.Sequential([
    layers.Rescaling(1.0 / 255, input_shape=IMG_SIZE + (3,)),
    layers.Conv2D(16, 3, activation="relu"),
    layers.MaxPooling2D(),
    layers.Conv2D(32, 3, activation="relu"),
    layers.MaxPooling2D(),
    layers.Flatten(),
    layers.Dense(64, activation="relu"),
    layers.Dense(1, activation="softmax"),  # error: CE201
])

model.compile(optimizer="adam", loss="binary_crossentropy", metrics=["accuracy"])
model.fit(train_ds, validation_data=val_ds, epochs=10)
