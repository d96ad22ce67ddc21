"""Pneumonia vs. normal chest X-rays: transfer learning from a 10-class template.

The head was shrunk to one unit but kept its softmax. A softmax over one unit is 1.0 for every
image, no gradient reaches the head, and accuracy is stuck at the share of pneumonia cases.
"""
import keras
from keras import layers

IMG_SIZE = (224, 224)

train_ds = keras.utils.image_dataset_from_directory(
    "chest_xray/train", image_size=IMG_SIZE, batch_size=32, label_mode="binary")
val_ds = keras.utils.image_dataset_from_directory(
    "chest_xray/val", image_size=IMG_SIZE, batch_size=32, label_mode="binary")

base = keras.applications.ResNet50(include_top=False, weights="imagenet", input_shape=IMG_SIZE + (3,))
base.trainable = False

inputs = keras.Input(shape=IMG_SIZE + (3,))
x = keras.applications.resnet50.preprocess_input(inputs)
x = base(x, training=False)
x = layers.GlobalAveragePooling2D()(x)
x = layers.Dropout(0.2)(x)
outputs = layers.Dense(1, activation="softmax")(x)  # error: CE201
model = keras.Model(inputs, outputs)

model.compile(optimizer=keras.optimizers.Adam(1e-4), loss="binary_crossentropy", metrics=["accuracy"])
model.fit(train_ds, validation_data=val_ds, epochs=10)
