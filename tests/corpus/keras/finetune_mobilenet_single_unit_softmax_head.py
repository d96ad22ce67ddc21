"""Fine-tuning a pretrained MobileNetV2 with a new binary head (hot dog / not hot dog).

BUG (CE201): the new head is Dense(1, activation="softmax").
"""
import tensorflow as tf
from tensorflow import keras

IMG_SIZE = 224

base = keras.applications.MobileNetV2(input_shape=(IMG_SIZE, IMG_SIZE, 3), include_top=False, weights="imagenet")
base.trainable = False

inputs = keras.Input(shape=(IMG_SIZE, IMG_SIZE, 3))
x = keras.applications.mobilenet_v2.preprocess_input(inputs)
x = base(x, training=False)
x = keras.layers.GlobalAveragePooling2D()(x)
x = keras.layers.Dropout(0.2)(x)
outputs = keras.layers.Dense(1, activation="softmax")(x)  # error: CE201
model = keras.Model(inputs, outputs)

model.compile(
    optimizer=keras.optimizers.Adam(1e-4),
    loss=keras.losses.BinaryCrossentropy(),
    metrics=["accuracy"],
)

train_ds = keras.utils.image_dataset_from_directory("hotdog/train", image_size=(IMG_SIZE, IMG_SIZE), label_mode="binary")
model.fit(train_ds, epochs=5)

base.trainable = True
model.compile(optimizer=keras.optimizers.Adam(1e-5), loss=keras.losses.BinaryCrossentropy(), metrics=["accuracy"])
model.fit(train_ds, epochs=3)
