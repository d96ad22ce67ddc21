"""Skin lesion classifier with a sigmoid head of 7 units and a multi-line
CategoricalCrossentropy(label_smoothing=...) constructor.

BUG (CE204): reported on the line where the loss expression starts.
"""
import numpy as np
from tensorflow import keras
from keras.layers import Dense

NUM_CLASSES = 7

base = keras.applications.EfficientNetB0(include_top=False, weights="imagenet", pooling="avg", input_shape=(224, 224, 3))
base.trainable = False

inputs = keras.Input(shape=(224, 224, 3))
features = base(inputs, training=False)
x = Dense(256, activation="relu")(features)
outputs = Dense(NUM_CLASSES, activation="sigmoid")(x)
model = keras.Model(inputs, outputs)

model.compile(
    optimizer=keras.optimizers.Adam(3e-4),
    loss=keras.losses.CategoricalCrossentropy(  # error: CE204
        label_smoothing=0.1,
    ),
    metrics=[keras.metrics.CategoricalAccuracy()],
)

train_ds = keras.utils.image_dataset_from_directory("ham10000/train", image_size=(224, 224), label_mode="categorical")
model.fit(train_ds, epochs=8)
