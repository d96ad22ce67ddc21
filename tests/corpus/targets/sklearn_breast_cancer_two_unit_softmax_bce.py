# Breast cancer diagnosis: "two classes, so two outputs", with binary
# cross-entropy. The targets are one 0/1 column; Keras 3 raises
# "Arguments `target` and `output` must have the same shape".
from sklearn.datasets import load_breast_cancer
from sklearn.model_selection import train_test_split
from sklearn.preprocessing import StandardScaler
from tensorflow.keras.models import Sequential
from tensorflow.keras.layers import Dense, Dropout

data = load_breast_cancer()
X_train, X_test, y_train, y_test = train_test_split(data.data, data.target, test_size=0.2, stratify=data.target)
scaler = StandardScaler().fit(X_train)

model = Sequential()
model.add(Dense(30, activation="relu", input_shape=(30,)))
model.add(Dropout(0.2))
model.add(Dense(2, activation="softmax"))  # error: CE303
model.compile(optimizer="adam", loss="binary_crossentropy", metrics=["accuracy"])
model.fit(scaler.transform(X_train), y_train, epochs=50, validation_data=(scaler.transform(X_test), y_test))
