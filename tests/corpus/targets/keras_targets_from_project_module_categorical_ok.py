"""Correct (unknown encoding): the targets come from a helper in another
module of the project (dataset.load_split). How that module encodes them is
not visible here, so the categorical loss is not reported even though the
same file never calls to_categorical. No finding.
"""
from tensorflow import keras

from dataset import load_split, NUM_LABELS
from model_zoo import small_resnet

x_train, y_train = load_split("train")
x_val, y_val = load_split("val")

backbone = small_resnet(input_shape=(96, 96, 3))
inputs = keras.Input(shape=(96, 96, 3))
features = backbone(inputs)
features = keras.layers.GlobalAveragePooling2D()(features)
outputs = keras.layers.Dense(NUM_LABELS, activation="softmax", name="species")(features)
model = keras.Model(inputs, outputs)

model.compile(
    optimizer=keras.optimizers.SGD(learning_rate=0.01, momentum=0.9, nesterov=True),
    loss=keras.losses.CategoricalCrossentropy(label_smoothing=0.1),
    metrics=["accuracy"],
)

model.fit(
    x_train,
    y_train,
    validation_data=(x_val, y_val),
    epochs=40,
    batch_size=64,
)
model.save("species_resnet.keras")
