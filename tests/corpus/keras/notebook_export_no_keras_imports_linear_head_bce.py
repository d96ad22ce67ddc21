#!/usr/bin/env python
# coding: utf-8
# Exported from a notebook cell by cell; the cell with the Keras imports was lost in the export.
#
# BUG (CE102): binary_crossentropy on a linear Dense(1) head (from_logits defaults to False).

# In[1]:


import numpy as np
import pandas as pd
from sklearn.model_selection import train_test_split


# In[2]:


df = pd.read_csv("heart.csv")
X = df.drop("target", axis=1).values
y = df["target"].values
X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.2)


# In[5]:


model = Sequential()
model.add(Dense(16, activation="relu", input_shape=(X.shape[1],)))
model.add(Dense(8, activation="relu"))
model.add(Dense(1))
model.compile(optimizer="adam", loss="binary_crossentropy", metrics=["AUC"])  # error: CE102


# In[6]:


model.fit(X_train, y_train, epochs=100, validation_data=(X_test, y_test))
