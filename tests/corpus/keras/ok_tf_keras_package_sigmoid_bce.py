"""Keras 2 via the tf_keras package: breast-cancer classifier with a sigmoid head.

CORRECT: Dense(1, activation="sigmoid") + BinaryCrossentropy() + accuracy/Precision/Recall.
"""
import tf_keras
from sklearn.datasets import load_breast_cancer
from sklearn.preprocessing import StandardScaler

data = load_breast_cancer()
X = StandardScaler().fit_transform(data.data)
y = data.target

model = tf_keras.models.Sequential([
    tf_keras.layers.Dense(32, activation="relu", input_shape=(30,)),
    tf_keras.layers.Dense(16, activation="relu"),
    tf_keras.layers.Dense(1, activation="sigmoid"),
])
model.compile(
    optimizer="adam",
    loss=tf_keras.losses.BinaryCrossentropy(),
    metrics=["accuracy", tf_keras.metrics.Precision(), tf_keras.metrics.Recall()],
)
model.fit(X, y, epochs=50, batch_size=16, validation_split=0.2, verbose=0)
