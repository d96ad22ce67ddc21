# Two moons with a two-unit softmax: the labels are one-hot encoded first, so
# categorical cross-entropy gets two columns for two outputs.
from sklearn.datasets import make_moons
from tensorflow.keras.utils import to_categorical
from tensorflow.keras import Sequential
from tensorflow.keras.layers import Dense

X, y = make_moons(n_samples=500, noise=0.25)
Y = to_categorical(y)

clf = Sequential([Dense(16, activation="relu", input_shape=(2,)), Dense(2, activation="softmax")])
clf.compile(loss="categorical_crossentropy", optimizer="adam", metrics=["accuracy"])
clf.fit(X, Y, epochs=100, batch_size=16, verbose=0)
