"""The layers come from tf.keras or from Keras 3 depending on an environment flag.

BUG (CE204): sparse_categorical_crossentropy on a 6-unit sigmoid head.
"""
import os

USE_TF_KERAS = os.environ.get("USE_TF_KERAS", "0") == "1"

if USE_TF_KERAS:
    from tensorflow.keras import layers, models
else:
    from keras import layers, models


def make_classifier(n_features, n_classes=6):
    model = models.Sequential()
    model.add(layers.Input(shape=(n_features,)))
    model.add(layers.Dense(64, activation="relu"))
    model.add(layers.Dense(n_classes, activation="sigmoid"))
    model.compile(optimizer="adam", loss="sparse_categorical_crossentropy")  # error: CE204
    return model


classifier = make_classifier(24)
classifier.fit(x_train, y_train, epochs=30)
