"""Traffic-light state detector (red / amber / green / off): one state per
frame. Labels are one-hot encoded with tf.one_hot(depth=4), but the head is a
4-unit sigmoid trained with BinaryCrossentropy, treating mutually exclusive
states as independent binary problems.

Bug: CE203, reported where the loss object is created.
"""
import numpy as np
import tensorflow as tf

STATES = 4

frames = np.load("tl_crops.npy").astype("float32") / 255.0
state_ids = np.load("tl_state_ids.npy")

y = tf.one_hot(state_ids, depth=STATES)

model = tf.keras.Sequential([
    tf.keras.layers.Input(shape=(48, 24, 3)),
    tf.keras.layers.Conv2D(16, 3, activation="relu"),
    tf.keras.layers.MaxPooling2D(),
    tf.keras.layers.Conv2D(32, 3, activation="relu"),
    tf.keras.layers.GlobalMaxPooling2D(),
    tf.keras.layers.Dense(32, activation="relu"),
    tf.keras.layers.Dense(STATES, activation="sigmoid"),
])

bce = tf.keras.losses.BinaryCrossentropy()  # error: CE203
model.compile(optimizer="adam", loss=bce, metrics=[tf.keras.metrics.CategoricalAccuracy()])
model.fit(frames, y, epochs=15, batch_size=64, validation_split=0.15)
model.save("traffic_light_state.keras")
