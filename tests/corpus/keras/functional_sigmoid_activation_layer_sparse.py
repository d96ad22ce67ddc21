"""Bird species classifier (functional tf.keras): Dense(15) followed by a separate
Activation("sigmoid") layer, with sparse categorical cross-entropy.

BUG (CE204): a categorical loss on fifteen independent sigmoid units.
"""
import tensorflow as tf

NUM_SPECIES = 15

inputs = tf.keras.Input(shape=(128, 128, 3))
x = tf.keras.layers.Conv2D(32, 3, activation="relu")(inputs)
x = tf.keras.layers.MaxPooling2D()(x)
x = tf.keras.layers.Conv2D(64, 3, activation="relu")(x)
x = tf.keras.layers.GlobalAveragePooling2D()(x)
x = tf.keras.layers.Dense(NUM_SPECIES)(x)
outputs = tf.keras.layers.Activation("sigmoid")(x)
model = tf.keras.Model(inputs=inputs, outputs=outputs)

train_ds = tf.keras.utils.image_dataset_from_directory("birds/train", image_size=(128, 128))
model.compile(
    optimizer="adam",
    loss="sparse_categorical_crossentropy",  # error: CE204
    metrics=["accuracy"],
)
model.fit(train_ds, epochs=10)
