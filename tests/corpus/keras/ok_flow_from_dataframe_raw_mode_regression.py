# Age regression from a dataframe of image paths (class_mode="raw"), next to a
# gender head trained elsewhere: no class labels reach the softmax loss here.
import pandas as pd
from tensorflow.keras.preprocessing.image import ImageDataGenerator
from tensorflow.keras import layers, models

df = pd.read_csv("faces.csv")
gen = ImageDataGenerator(rescale=1.0 / 255)
train = gen.flow_from_dataframe(df, directory="faces/", x_col="path", y_col="age_bucket", class_mode="raw",
                                target_size=(64, 64))

model = models.Sequential([layers.Flatten(input_shape=(64, 64, 3)), layers.Dense(8, activation="softmax")])
model.compile(optimizer="adam", loss="categorical_crossentropy")
model.fit(train, epochs=5)
