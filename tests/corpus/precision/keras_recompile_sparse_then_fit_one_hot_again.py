"""Transfer learning in two stages: the head is trained with one-hot labels, then the base is
unfrozen and the model recompiled with a lower learning rate -- and, by mistake, the sparse loss,
while the second fit still passes the one-hot labels.
"""
import numpy as np
import tensorflow as tf
from tensorflow.keras.utils import to_categorical

NUM_CLASSES = 5

images = np.load("flowers_224.npy")
labels = to_categorical(np.load("flowers_labels.npy"), NUM_CLASSES)

base = tf.keras.applications.MobileNetV2(include_top=False, pooling="avg", input_shape=(224, 224, 3))
base.trainable = False
model = tf.keras.Sequential([base, tf.keras.layers.Dense(NUM_CLASSES, activation="softmax")])

model.compile(optimizer=tf.keras.optimizers.Adam(1e-3), loss="categorical_crossentropy", metrics=["accuracy"])
model.fit(images, labels, epochs=5, validation_split=0.2)

base.trainable = True
model.compile(optimizer=tf.keras.optimizers.Adam(1e-5), loss="sparse_categorical_crossentropy",  # error: CE301
              metrics=["accuracy"])
model.fit(images, labels, epochs=10, validation_split=0.2)
