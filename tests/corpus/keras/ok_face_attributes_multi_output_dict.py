"""Multi-output face model with per-output losses in a dict, each matched to the right head:
age (linear, mse), gender (sigmoid, BCE), ethnicity (5-way softmax, sparse CE).

CORRECT: every head/loss pair is consistent (the gender and ethnicity entries would be
bugs if swapped).
"""
import numpy as np
from tensorflow import keras
from tensorflow.keras import layers

images = np.random.rand(3000, 64, 64, 3).astype("float32")
ages = np.random.uniform(1, 90, size=(3000,)).astype("float32")
genders = np.random.randint(0, 2, size=(3000,)).astype("float32")
ethnicities = np.random.randint(0, 5, size=(3000,))

inputs = keras.Input(shape=(64, 64, 3))
x = layers.Conv2D(32, 3, activation="relu")(inputs)
x = layers.MaxPooling2D()(x)
x = layers.Conv2D(64, 3, activation="relu")(x)
x = layers.GlobalAveragePooling2D()(x)

age = layers.Dense(1, name="age")(x)
gender = layers.Dense(1, activation="sigmoid", name="gender")(x)
ethnicity = layers.Dense(5, activation="softmax", name="ethnicity")(x)

model = keras.Model(inputs=inputs, outputs=[age, gender, ethnicity])
model.compile(
    optimizer="adam",
    loss={
        "ethnicity": "sparse_categorical_crossentropy",
        "gender": "binary_crossentropy",
        "age": "mse",
    },
    metrics={"gender": ["accuracy"], "ethnicity": ["accuracy"]},
)
model.fit(images, {"age": ages, "gender": genders, "ethnicity": ethnicities}, epochs=10, batch_size=64)
