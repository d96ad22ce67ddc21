"""Experiment runner whose head activation is read from a YAML config.

CORRECT for the linter: the activation is unknown statically, so pairing it with
SparseCategoricalCrossentropy(from_logits=True) cannot be judged: silent.
"""
import numpy as np
import yaml
import keras
from keras import layers

with open("experiment.yaml") as fh:
    cfg = yaml.safe_load(fh)

head_activation = cfg["model"]["head_activation"]
NUM_CLASSES = 10

x = np.random.rand(4000, 32).astype("float32")
y = np.random.randint(0, NUM_CLASSES, size=(4000,))

model = keras.Sequential([
    keras.Input(shape=(32,)),
    layers.Dense(cfg["model"]["hidden"], activation="relu"),
    layers.Dense(NUM_CLASSES, activation=head_activation),
])
model.compile(
    optimizer=keras.optimizers.Adam(cfg["train"]["lr"]),
    loss=keras.losses.SparseCategoricalCrossentropy(from_logits=True),
    metrics=["accuracy"],
)
model.fit(x, y, epochs=cfg["train"]["epochs"], batch_size=cfg["train"]["batch_size"])
