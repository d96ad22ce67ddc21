# Synthetic three-class problem trained as if it were binary: labels 0, 1, 2
# into one sigmoid unit with binary cross-entropy.
from sklearn.datasets import make_classification
from keras.models import Sequential
from keras.layers import Dense

X, y = make_classification(n_samples=2000, n_features=20, n_informative=6, n_classes=3, random_state=1)

model = Sequential()
model.add(Dense(64, input_dim=20, activation="relu"))
model.add(Dense(1, activation="sigmoid"))  # error: CE303
model.compile(loss="binary_crossentropy", optimizer="adam", metrics=["accuracy"])
model.fit(X, y, epochs=30, batch_size=32, validation_split=0.3)
