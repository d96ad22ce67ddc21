"""Multi-output face model: age (regression), gender (binary), ethnicity (5 classes).

Losses are given per output in a dict keyed by layer name.
BUG (CE102) on the gender entry: its head is linear but the loss is plain
'binary_crossentropy'.
BUG (CE203) on the ethnicity entry: a 5-way softmax head with binary cross-entropy.
The age entry (mse on a linear head) is fine.
"""
import numpy as np
from tensorflow import keras
from tensorflow.keras import layers

images = np.random.rand(3000, 64, 64, 3).astype("float32")
ages = np.random.uniform(1, 90, size=(3000,)).astype("float32")
genders = np.random.randint(0, 2, size=(3000,)).astype("float32")
ethnicities = keras.utils.to_categorical(np.random.randint(0, 5, size=3000), 5)

inputs = keras.Input(shape=(64, 64, 3), name="face")
x = layers.Conv2D(32, 3, activation="relu")(inputs)
x = layers.MaxPooling2D()(x)
x = layers.Conv2D(64, 3, activation="relu")(x)
x = layers.GlobalAveragePooling2D()(x)
x = layers.Dense(128, activation="relu")(x)

age = layers.Dense(1, name="age")(x)
gender = layers.Dense(1, name="gender")(x)
ethnicity = layers.Dense(5, activation="softmax", name="ethnicity")(x)

model = keras.Model(inputs=inputs, outputs=[age, gender, ethnicity])
model.compile(
    optimizer="adam",
    loss={
        "age": "mse",
        "gender": "binary_crossentropy",  # error: CE102
        "ethnicity": "binary_crossentropy",  # error: CE203
    },
    loss_weights={"age": 0.01, "gender": 1.0, "ethnicity": 1.0},
)
model.fit(
    images,
    {"age": ages, "gender": genders, "ethnicity": ethnicities},
    epochs=10,
    batch_size=64,
)
