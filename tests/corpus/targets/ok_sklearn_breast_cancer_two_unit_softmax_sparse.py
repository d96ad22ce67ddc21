# Breast cancer with a two-unit softmax and the sparse loss: class ids 0/1 index
# the two outputs. Valid.
from sklearn.datasets import load_breast_cancer
from tensorflow import keras

X, y = load_breast_cancer(return_X_y=True)

model = keras.Sequential([
    keras.layers.Normalization(),
    keras.layers.Dense(16, activation="relu"),
    keras.layers.Dense(2, activation="softmax"),
])
model.compile(optimizer="adam", loss="sparse_categorical_crossentropy", metrics=["accuracy"])
model.fit(X, y, epochs=30, validation_split=0.2)
