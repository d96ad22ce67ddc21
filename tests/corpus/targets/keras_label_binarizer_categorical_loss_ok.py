"""Correct: flower-species image classifier. Species names are one-hot
encoded with sklearn's LabelBinarizer, the head width is len(lb.classes_),
and the loss is keras.losses.CategoricalCrossentropy. No finding.
"""
import numpy as np
from sklearn.preprocessing import LabelBinarizer
from sklearn.model_selection import train_test_split
from tensorflow import keras

images = np.load("flowers_128.npy").astype("float32") / 255.0
species = np.load("flowers_species.npy", allow_pickle=True)

lb = LabelBinarizer()
labels = lb.fit_transform(species)

trainX, testX, trainY, testY = train_test_split(images, labels, test_size=0.2, stratify=labels, random_state=42)

aug = keras.Sequential([keras.layers.RandomFlip("horizontal"), keras.layers.RandomRotation(0.1)])

inputs = keras.Input(shape=(128, 128, 3))
x = aug(inputs)
x = keras.layers.Conv2D(32, 3, activation="relu")(x)
x = keras.layers.MaxPooling2D()(x)
x = keras.layers.Conv2D(64, 3, activation="relu")(x)
x = keras.layers.MaxPooling2D()(x)
x = keras.layers.Conv2D(128, 3, activation="relu")(x)
x = keras.layers.GlobalAveragePooling2D()(x)
outputs = keras.layers.Dense(len(lb.classes_), activation="softmax")(x)
model = keras.Model(inputs, outputs)

model.compile(loss=keras.losses.CategoricalCrossentropy(), optimizer=keras.optimizers.Adam(1e-3), metrics=["accuracy"])
H = model.fit(trainX, trainY, validation_data=(testX, testY), batch_size=32, epochs=50)

predictions = model.predict(testX, batch_size=32)
print(lb.classes_[predictions.argmax(axis=1)][:10])
