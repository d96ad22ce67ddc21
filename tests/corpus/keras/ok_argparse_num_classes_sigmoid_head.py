"""Training script configured from the command line: the number of outputs comes
from argparse.

CORRECT for the linter: the width args.num_classes is unknown, so a sigmoid head with
a categorical loss cannot be judged (CE202 needs width 1, CE204 needs several): silent.
"""
import argparse
import numpy as np
import tensorflow as tf

parser = argparse.ArgumentParser()
parser.add_argument("--num-classes", type=int, default=3)
parser.add_argument("--epochs", type=int, default=10)
parser.add_argument("--data", default="features.npz")
args = parser.parse_args()

data = np.load(args.data)
X, y = data["x"], data["y"]

model = tf.keras.Sequential([
    tf.keras.layers.Input(shape=(X.shape[1],)),
    tf.keras.layers.Dense(64, activation="relu"),
    tf.keras.layers.Dense(args.num_classes, activation="sigmoid"),
])
model.compile(optimizer="adam", loss="categorical_crossentropy", metrics=["accuracy"])
model.fit(X, y, epochs=args.epochs, batch_size=32)
