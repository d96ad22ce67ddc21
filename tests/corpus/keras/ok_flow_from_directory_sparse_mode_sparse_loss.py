# The same folders read with class_mode="sparse": integer labels into the
# sparse loss.
from keras.preprocessing.image import ImageDataGenerator
from keras.models import Sequential
from keras.layers import Conv2D, Dense, Flatten, MaxPooling2D

datagen = ImageDataGenerator(rescale=1.0 / 255, validation_split=0.2)
train_it = datagen.flow_from_directory("data/", class_mode="sparse", target_size=(64, 64), subset="training")
val_it = datagen.flow_from_directory("data/", class_mode="sparse", target_size=(64, 64), subset="validation")

model = Sequential()
model.add(Conv2D(16, (3, 3), activation="relu", input_shape=(64, 64, 3)))
model.add(MaxPooling2D())
model.add(Flatten())
model.add(Dense(6, activation="softmax"))
model.compile(optimizer="sgd", loss="sparse_categorical_crossentropy", metrics=["accuracy"])
model.fit_generator(train_it, steps_per_epoch=100, validation_data=val_it, epochs=10)
