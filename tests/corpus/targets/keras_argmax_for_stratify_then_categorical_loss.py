"""Skin-lesion classifier. The label file is stored one-hot; the author
converts it to class ids with np.argmax(..., axis=1) so that
train_test_split can stratify, and then keeps using the integer ids as the
training targets with categorical_crossentropy.

Bug: CE302 (the argmax turned the labels back into class indices).
"""
import numpy as np
from sklearn.model_selection import train_test_split
from tensorflow import keras
from tensorflow.keras.utils import to_categorical

images = np.load("ham10000_64px.npy").astype("float32") / 255.0
raw_dx = np.load("ham10000_dx_idx.npy")

onehot = to_categorical(raw_dx, 7)
labels = np.argmax(onehot, axis=1)

x_tr, x_te, y_tr, y_te = train_test_split(images, labels, test_size=0.2, stratify=labels, random_state=0)

base = keras.applications.MobileNetV2(input_shape=(64, 64, 3), include_top=False, weights=None)
inputs = keras.Input(shape=(64, 64, 3))
x = base(inputs)
x = keras.layers.GlobalAveragePooling2D()(x)
x = keras.layers.Dropout(0.3)(x)
outputs = keras.layers.Dense(7, activation="softmax")(x)
model = keras.Model(inputs, outputs)

model.compile(
    optimizer=keras.optimizers.Adam(1e-4),
    loss="categorical_crossentropy",  # error: CE302
    metrics=["accuracy"],
)
model.fit(x_tr, y_tr, validation_data=(x_te, y_te), epochs=30, batch_size=64)
