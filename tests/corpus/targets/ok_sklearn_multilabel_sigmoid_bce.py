# Multi-label toy data: five independent labels per sample, five sigmoid units
# and binary cross-entropy. Correct for multi-label.
from sklearn.datasets import make_multilabel_classification
import keras

X, Y = make_multilabel_classification(n_samples=1000, n_features=20, n_classes=5, n_labels=2)

model = keras.Sequential([
    keras.Input(shape=(20,)),
    keras.layers.Dense(32, activation="relu"),
    keras.layers.Dense(5, activation="sigmoid"),
])
model.compile(optimizer="adam", loss="binary_crossentropy", metrics=["binary_accuracy"])
model.fit(X, Y, epochs=20)
