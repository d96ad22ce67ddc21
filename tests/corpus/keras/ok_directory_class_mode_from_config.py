# The class mode and the loss both come from a config file read at run time:
# nothing is known statically.
import json
from tensorflow.keras.preprocessing.image import ImageDataGenerator
from tensorflow.keras import layers, models

with open("config.json") as fh:
    cfg = json.load(fh)

gen = ImageDataGenerator(rescale=1.0 / 255)
train = gen.flow_from_directory(cfg["train_dir"], target_size=(96, 96), class_mode=cfg["class_mode"])

model = models.Sequential([layers.Flatten(input_shape=(96, 96, 3)), layers.Dense(cfg["classes"], activation="softmax")])
model.compile(optimizer="adam", loss="sparse_categorical_crossentropy")
model.fit(train, epochs=cfg["epochs"])
