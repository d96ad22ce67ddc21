"""Star imports, and a head whose width is the number of class folders found at run time. With two
folders this is a 2-unit softmax, which binary_crossentropy on one-hot labels accepts; celint cannot
know the width and stays silent.
"""
import os

from keras.layers import *
from keras.models import *
from keras.preprocessing.image import ImageDataGenerator

DATA = "data/train"
num_classes = len(os.listdir(DATA))

gen = ImageDataGenerator(rescale=1.0 / 255).flow_from_directory(DATA, target_size=(128, 128))

model = Sequential()
model.add(Conv2D(32, (3, 3), activation="relu", input_shape=(128, 128, 3)))
model.add(GlobalAveragePooling2D())
model.add(Dense(num_classes, activation="softmax"))
model.compile(loss="binary_crossentropy", optimizer="adam", metrics=["accuracy"])
model.fit(gen, epochs=5)
