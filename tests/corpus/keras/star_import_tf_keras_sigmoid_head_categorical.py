"""Flower photos (5 classes) with tf.keras star imports.

BUG (CE204): a 5-unit sigmoid head with categorical_crossentropy: the outputs do not sum to 1.
"""
from tensorflow.keras.layers import *
from tensorflow.keras.models import *
from tensorflow.keras.preprocessing.image import ImageDataGenerator

datagen = ImageDataGenerator(rescale=1.0 / 255, validation_split=0.2)
train_gen = datagen.flow_from_directory("flower_photos", target_size=(180, 180), subset="training")

model = Sequential([
    Conv2D(32, 3, activation="relu", input_shape=(180, 180, 3)),
    MaxPooling2D(),
    Conv2D(64, 3, activation="relu"),
    MaxPooling2D(),
    Flatten(),
    Dense(128, activation="relu"),
    Dense(5, activation="sigmoid"),
])
model.compile(optimizer="adam", loss="categorical_crossentropy", metrics=["accuracy"])  # error: CE204
model.fit(train_gen, epochs=10)
