# Two moons, one sigmoid unit, binary cross-entropy: the textbook binary setup.
from sklearn.datasets import make_moons
from tensorflow import keras

X, y = make_moons(n_samples=1000, noise=0.1, random_state=42)
model = keras.Sequential([
    keras.Input(shape=(2,)),
    keras.layers.Dense(8, activation="tanh"),
    keras.layers.Dense(1, activation="sigmoid"),
])
model.compile(optimizer=keras.optimizers.SGD(0.1), loss="binary_crossentropy", metrics=["accuracy"])
model.fit(X, y, epochs=200, verbose=0)
