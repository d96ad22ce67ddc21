"""Multi-label tagger (Sequential) whose sigmoid output goes through an identity Lambda kept from a
debugging session and a float32 cast Lambda for mixed precision.

CORRECT: both Lambdas keep the sigmoid probabilities; binary_crossentropy expects probabilities.
"""
import tensorflow as tf

NUM_TAGS = 40

model = tf.keras.Sequential([
    tf.keras.layers.Input(shape=(512,)),
    tf.keras.layers.Dense(256, activation="relu"),
    tf.keras.layers.Dense(NUM_TAGS, activation="sigmoid"),
    tf.keras.layers.Lambda(lambda t: t),
    tf.keras.layers.Lambda(lambda t: tf.cast(t, tf.float32)),
    tf.keras.layers.Activation(None),
])
model.compile(optimizer="adam", loss="binary_crossentropy", metrics=[tf.keras.metrics.AUC(multi_label=True)])
