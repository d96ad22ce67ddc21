"""A model module that defines its builder differently for TF1 and TF2; the training script (not this
file) calls it, so nothing here does.

BUG (CE101): the TF2 builder compiles a softmax head with from_logits=True.
"""
import tensorflow as tf

if tf.__version__.startswith("1."):
    def build_model(n_classes):
        model = tf.keras.Sequential([
            tf.keras.layers.Dense(128, activation="relu", input_shape=(64,)),
            tf.keras.layers.Dense(n_classes, activation="softmax"),
        ])
        model.compile(optimizer=tf.train.AdamOptimizer(), loss="categorical_crossentropy")
        return model
else:
    def build_model(n_classes):
        model = tf.keras.Sequential([
            tf.keras.layers.Dense(128, activation="relu", input_shape=(64,)),
            tf.keras.layers.Dense(n_classes, activation="softmax"),
        ])
        model.compile(optimizer="adam",
                      loss=tf.keras.losses.CategoricalCrossentropy(from_logits=True))  # error: CE101
        return model
