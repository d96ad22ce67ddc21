"""A from-scratch NumPy network library used in a course: `from nnlib import *` brings its own
Sequential, Dense, Softmax and CrossEntropy (a NumPy module that is not Keras). celint cannot see into
it, so it says nothing.
"""
import numpy as np
from nnlib import *

X = np.load("digits_X.npy")
y = np.load("digits_y.npy")

net = Sequential()
net.add(Dense(64, 1))
net.add(Softmax())
net.compile(loss=CrossEntropy(), lr=0.1)
net.fit(X, y, epochs=50)
