# Flowers classifier from folders. flow_from_directory yields one-hot labels
# unless class_mode says otherwise, and the model is compiled with the sparse
# loss; the generators go straight into fit.
from tensorflow.keras.preprocessing.image import ImageDataGenerator
from tensorflow.keras import layers, models

IMG_SIZE = (150, 150)
train_datagen = ImageDataGenerator(rescale=1.0 / 255, rotation_range=20, horizontal_flip=True)
val_datagen = ImageDataGenerator(rescale=1.0 / 255)

train_generator = train_datagen.flow_from_directory("flowers/train", target_size=IMG_SIZE, batch_size=32)
validation_generator = val_datagen.flow_from_directory("flowers/val", target_size=IMG_SIZE, batch_size=32)

model = models.Sequential([
    layers.Conv2D(32, (3, 3), activation="relu", input_shape=(150, 150, 3)),
    layers.MaxPooling2D(2, 2),
    layers.Conv2D(64, (3, 3), activation="relu"),
    layers.MaxPooling2D(2, 2),
    layers.Flatten(),
    layers.Dense(512, activation="relu"),
    layers.Dense(5, activation="softmax"),
])
model.compile(optimizer="adam", loss="sparse_categorical_crossentropy", metrics=["accuracy"])  # error: CE301
history = model.fit(train_generator, epochs=15, validation_data=validation_generator)
