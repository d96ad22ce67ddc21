"""Mixed-precision image classifier following the Keras mixed-precision guide: the softmax runs
in float32, and a float32 'linear' Activation keeps the output dtype explicit for the loss.

CORRECT: Activation('linear') is an identity; the head is still the softmax, and the loss expects
probabilities (from_logits=False by default).
"""
from tensorflow import keras
from tensorflow.keras import layers, mixed_precision

mixed_precision.set_global_policy("mixed_float16")

inputs = keras.Input(shape=(32, 32, 3))
x = layers.Conv2D(32, 3, activation="relu")(inputs)
x = layers.MaxPooling2D()(x)
x = layers.Conv2D(64, 3, activation="relu")(x)
x = layers.GlobalAveragePooling2D()(x)
x = layers.Dense(10)(x)
x = layers.Activation("softmax", dtype="float32")(x)
outputs = layers.Activation("linear", dtype="float32", name="predictions")(x)

model = keras.Model(inputs, outputs)
model.compile(optimizer="adam", loss="sparse_categorical_crossentropy", metrics=["accuracy"])
(x_train, y_train), _ = keras.datasets.cifar10.load_data()
model.fit(x_train / 255.0, y_train, epochs=5, batch_size=128)
