"""Skin-lesion classification (HAM10000, 7 exclusive diagnoses) with sigmoid outputs.

The head has 7 independent sigmoids but is trained with categorical cross-entropy, which expects
a distribution that sums to 1. Keras renormalises each row, so training runs, but the deployed
outputs are not class probabilities.
"""
import keras
from keras.layers import Dense, Dropout

NUM_CLASSES = 7

train_ds = keras.utils.image_dataset_from_directory(
    "ham10000/train", image_size=(224, 224), label_mode="categorical")

base = keras.applications.EfficientNetB0(include_top=False, weights="imagenet", pooling="avg",
                                         input_shape=(224, 224, 3))
base.trainable = False

inputs = keras.Input(shape=(224, 224, 3))
features = base(inputs, training=False)
x = Dense(256, activation="relu")(features)
x = Dropout(0.3)(x)
outputs = Dense(NUM_CLASSES, activation="sigmoid")(x)
model = keras.Model(inputs, outputs)

model.compile(
    optimizer=keras.optimizers.Adam(3e-4),
    loss=keras.losses.CategoricalCrossentropy(  # error: CE204
        label_smoothing=0.1,
    ),
    metrics=[keras.metrics.CategoricalAccuracy()],
)
model.fit(train_ds, epochs=8)
