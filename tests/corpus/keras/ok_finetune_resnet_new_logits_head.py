"""Transfer learning: frozen ResNet50 base, new Dense(NUM_CLASSES) logits head,
CategoricalCrossentropy(from_logits=True), then fine-tuning with a lower LR.

CORRECT: logits into a logits loss in both compile calls.
"""
import tensorflow as tf
from tensorflow import keras

NUM_CLASSES = 5
IMG = 224

train_ds = keras.utils.image_dataset_from_directory(
    "flowers/train", image_size=(IMG, IMG), label_mode="categorical", batch_size=32
)
val_ds = keras.utils.image_dataset_from_directory(
    "flowers/val", image_size=(IMG, IMG), label_mode="categorical", batch_size=32
)

base = keras.applications.ResNet50(include_top=False, weights="imagenet", input_shape=(IMG, IMG, 3))
base.trainable = False

inputs = keras.Input(shape=(IMG, IMG, 3))
x = keras.applications.resnet50.preprocess_input(inputs)
x = base(x, training=False)
x = keras.layers.GlobalAveragePooling2D()(x)
x = keras.layers.Dropout(0.3)(x)
outputs = keras.layers.Dense(NUM_CLASSES)(x)
model = keras.Model(inputs, outputs)

loss = keras.losses.CategoricalCrossentropy(from_logits=True)
model.compile(optimizer=keras.optimizers.Adam(1e-3), loss=loss, metrics=["accuracy"])
model.fit(train_ds, validation_data=val_ds, epochs=5,
          callbacks=[keras.callbacks.ModelCheckpoint("best.keras", save_best_only=True)])

base.trainable = True
for layer in base.layers[:-20]:
    layer.trainable = False
model.compile(optimizer=keras.optimizers.Adam(1e-5), loss=loss, metrics=["accuracy"])
model.fit(train_ds, validation_data=val_ds, epochs=5)
