# Cats vs dogs from folders with class_mode="binary" (one 0/1 label per image),
# but a two-unit softmax head trained with binary cross-entropy.
from tensorflow import keras
from tensorflow.keras.preprocessing.image import ImageDataGenerator

train_dir = "cats_and_dogs/train"
validation_dir = "cats_and_dogs/validation"

train_datagen = ImageDataGenerator(rescale=1.0 / 255, shear_range=0.2, zoom_range=0.2)
test_datagen = ImageDataGenerator(rescale=1.0 / 255)
train_generator = train_datagen.flow_from_directory(
    train_dir,
    target_size=(150, 150),
    batch_size=20,
    class_mode="binary",
)
validation_generator = test_datagen.flow_from_directory(
    validation_dir, target_size=(150, 150), batch_size=20, class_mode="binary"
)

base = keras.applications.VGG16(weights="imagenet", include_top=False, input_shape=(150, 150, 3))
base.trainable = False
model = keras.models.Sequential()
model.add(base)
model.add(keras.layers.Flatten())
model.add(keras.layers.Dense(256, activation="relu"))
model.add(keras.layers.Dense(2, activation="softmax"))  # error: CE303
model.compile(loss="binary_crossentropy", optimizer=keras.optimizers.RMSprop(learning_rate=2e-5), metrics=["acc"])
model.fit(train_generator, steps_per_epoch=100, epochs=30, validation_data=validation_generator, validation_steps=50)
