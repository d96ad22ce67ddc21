# subset="both" returns (train, validation) datasets; both carry integer labels
# by default, into categorical_crossentropy.
import keras
from keras import layers

train_ds, val_ds = keras.utils.image_dataset_from_directory(
    "dataset/", validation_split=0.2, subset="both", seed=42, image_size=(128, 128))

model = keras.Sequential([
    keras.Input(shape=(128, 128, 3)),
    layers.Rescaling(1.0 / 255),
    layers.Conv2D(32, 3, activation="relu"),
    layers.GlobalAveragePooling2D(),
    layers.Dense(4, activation="softmax"),
])
model.compile(optimizer="adam", loss=keras.losses.CategoricalCrossentropy(), metrics=["accuracy"])  # error: CE302
model.fit(train_ds, validation_data=val_ds, epochs=20)
