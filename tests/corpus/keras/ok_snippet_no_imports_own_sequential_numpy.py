# A NumPy-only "mini Keras" written for a course: it defines its own Sequential and Dense with the
# same method names (add / compile / fit). Nothing here is Keras, and celint stays silent.
import numpy as np


def softmax(z):
    e = np.exp(z - z.max(axis=1, keepdims=True))
    return e / e.sum(axis=1, keepdims=True)


class Dense:
    def __init__(self, n_in, n_out, activation=None):
        self.W = np.random.randn(n_in, n_out) * 0.01
        self.b = np.zeros(n_out)
        self.activation = activation

    def forward(self, x):
        z = x @ self.W + self.b
        return softmax(z) if self.activation == "softmax" else np.maximum(z, 0)


class Sequential:
    def __init__(self):
        self.layers = []

    def add(self, layer):
        self.layers.append(layer)

    def compile(self, loss, lr=0.1):
        self.loss, self.lr = loss, lr

    def predict(self, x):
        for layer in self.layers:
            x = layer.forward(x)
        return x


model = Sequential()
model.add(Dense(64, 32))
model.add(Dense(32, 1, activation="softmax"))
model.compile(loss="binary_crossentropy")
