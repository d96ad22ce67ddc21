"""Customer churn-reason classifier. The string reasons are turned into
integers with sklearn's LabelEncoder, split with train_test_split and fed to
a model compiled with categorical_crossentropy. LabelEncoder produces class
indices, so the categorical loss receives the wrong encoding.

Bug: CE302.
"""
import numpy as np
import pandas as pd
from sklearn.model_selection import train_test_split
from sklearn.preprocessing import LabelEncoder, StandardScaler
from keras.models import Sequential
from keras.layers import Dense, Dropout

data = pd.read_csv("churn_reasons.csv")
X = data.drop(columns=["customer_id", "reason"]).values
X = StandardScaler().fit_transform(X)

encoder = LabelEncoder()
y = encoder.fit_transform(data["reason"])
n_classes = len(encoder.classes_)

X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.2, random_state=42)

model = Sequential()
model.add(Dense(128, input_dim=X_train.shape[1], activation="relu"))
model.add(Dropout(0.25))
model.add(Dense(64, activation="relu"))
model.add(Dense(n_classes, activation="softmax"))

model.compile(loss="categorical_crossentropy", optimizer="adam", metrics=["accuracy"])  # error: CE302

model.fit(X_train, y_train, validation_data=(X_test, y_test), epochs=50, batch_size=64)

probs = model.predict(X_test)
pred = encoder.inverse_transform(np.argmax(probs, axis=1))
print(pd.Series(pred).value_counts())
