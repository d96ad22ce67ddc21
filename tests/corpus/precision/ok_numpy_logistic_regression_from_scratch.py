"""Week 2 assignment: logistic regression with NumPy only. The cost is printed every 100 steps;
the gradient is written by hand, so no framework differentiates the log.

NOT FLAGGED: NumPy-only -- CE103 is about a loss autodiff trains through.
"""
import numpy as np


def sigmoid(z):
    return 1 / (1 + np.exp(-z))


def propagate(w, b, X, Y):
    m = X.shape[1]
    A = sigmoid(np.dot(w.T, X) + b)
    cost = -1 / m * np.sum(Y * np.log(A) + (1 - Y) * np.log(1 - A))
    dw = 1 / m * np.dot(X, (A - Y).T)
    db = 1 / m * np.sum(A - Y)
    return {"dw": dw, "db": db}, cost


def optimize(w, b, X, Y, num_iterations=2000, learning_rate=0.005):
    for i in range(num_iterations):
        grads, cost = propagate(w, b, X, Y)
        w = w - learning_rate * grads["dw"]
        b = b - learning_rate * grads["db"]
        if i % 100 == 0:
            print("Cost after iteration %i: %f" % (i, cost))
    return w, b


train_x = np.load("train_catvnoncat_x.npy") / 255.0
train_y = np.load("train_catvnoncat_y.npy")
w, b = optimize(np.zeros((train_x.shape[0], 1)), 0.0, train_x, train_y)
