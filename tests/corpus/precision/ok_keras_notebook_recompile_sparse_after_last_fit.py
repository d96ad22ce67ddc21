#!/usr/bin/env python
# coding: utf-8
# Exported from "02-losses.ipynb": train with one-hot targets, then show the integer-label alternative.
# CORRECT: the sparse loss is compiled after the last fit and never trained; evaluate() is not a fit.

# In[1]:


import numpy as np
from tensorflow import keras
from tensorflow.keras import layers
from tensorflow.keras.utils import to_categorical

(x_train, y_train), (x_test, y_test) = keras.datasets.mnist.load_data()
x_train = x_train.reshape(-1, 784).astype("float32") / 255
x_test = x_test.reshape(-1, 784).astype("float32") / 255


# In[2]:


y_train_1h = to_categorical(y_train, 10)
y_test_1h = to_categorical(y_test, 10)

model = keras.Sequential([
    layers.Dense(128, activation="relu", input_shape=(784,)),
    layers.Dense(10, activation="softmax"),
])
model.compile(optimizer="adam", loss="categorical_crossentropy", metrics=["accuracy"])
history = model.fit(x_train, y_train_1h, epochs=3, batch_size=128, validation_data=(x_test, y_test_1h))


# In[3]:


# The same model could take the integer labels directly with the sparse loss:
y_train_int = np.argmax(y_train_1h, axis=1)
model.compile(optimizer="adam", loss="sparse_categorical_crossentropy", metrics=["accuracy"])


# In[4]:


model.evaluate(x_test, y_test)
