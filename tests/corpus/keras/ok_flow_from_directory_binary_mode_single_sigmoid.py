# Cats vs dogs, class_mode="binary" with one sigmoid unit: the usual setup.
from tensorflow.keras.preprocessing.image import ImageDataGenerator
from tensorflow.keras import layers, models

gen = ImageDataGenerator(rescale=1.0 / 255)
train_generator = gen.flow_from_directory("train", target_size=(150, 150), batch_size=20, class_mode="binary")

model = models.Sequential([
    layers.Conv2D(32, 3, activation="relu", input_shape=(150, 150, 3)),
    layers.MaxPooling2D(),
    layers.Flatten(),
    layers.Dense(1, activation="sigmoid"),
])
model.compile(loss="binary_crossentropy", optimizer="adam", metrics=["accuracy"])
model.fit(train_generator, epochs=10)
