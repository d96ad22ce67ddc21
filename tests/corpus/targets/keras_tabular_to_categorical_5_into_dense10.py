"""Tabular classifier for a 5-grade quality score. The targets are one-hot
encoded with to_categorical(y, 5), but the head copied from an MNIST example
still has 10 softmax units, so the targets have 5 columns while the model
outputs 10.

Bug: CE303 (head width 10 != 5 classes in the targets), reported on the head.
"""
import numpy as np
import pandas as pd
from sklearn.model_selection import train_test_split
from sklearn.preprocessing import StandardScaler
from tensorflow import keras
from tensorflow.keras.utils import to_categorical

df = pd.read_csv("wine_quality_binned.csv")
features = df.drop(columns=["grade"]).values.astype("float32")
grades = df["grade"].values.astype("int64")  # 0..4

scaler = StandardScaler()
features = scaler.fit_transform(features)

y = to_categorical(grades, 5)

X_train, X_test, y_train, y_test = train_test_split(features, y, test_size=0.2, random_state=7)

model = keras.Sequential()
model.add(keras.layers.Dense(64, activation="relu", input_shape=(X_train.shape[1],)))
model.add(keras.layers.Dropout(0.3))
model.add(keras.layers.Dense(32, activation="relu"))
model.add(keras.layers.Dense(10, activation="softmax"))  # error: CE303

model.compile(optimizer=keras.optimizers.Adam(1e-3),
              loss="categorical_crossentropy",
              metrics=["accuracy"])

early = keras.callbacks.EarlyStopping(patience=10, restore_best_weights=True)
model.fit(X_train, y_train, epochs=200, batch_size=32,
          validation_split=0.1, callbacks=[early], verbose=2)

loss, acc = model.evaluate(X_test, y_test)
print("held-out accuracy", acc)
pred = np.argmax(model.predict(X_test), axis=1)
print(pd.crosstab(np.argmax(y_test, axis=1), pred))
