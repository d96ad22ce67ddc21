# cs231n-style softmax classifier in NumPy: loss and analytic gradient, SGD by hand.
# NOT FLAGGED: the log is NumPy's; nothing here is differentiated by a framework.
import numpy as np


def softmax(scores):
    e = np.exp(scores - scores.max(axis=1, keepdims=True))
    return e / e.sum(axis=1, keepdims=True)


def softmax_loss(W, X, y, reg):
    n = X.shape[0]
    probs = softmax(X.dot(W))
    loss = -np.log(probs[np.arange(n), y]).mean() + reg * np.sum(W * W)
    dscores = probs.copy()
    dscores[np.arange(n), y] -= 1
    dW = X.T.dot(dscores) / n + 2 * reg * W
    return loss, dW


X_train = np.random.randn(500, 3073)
y_train = np.random.randint(10, size=500)
W = 0.0001 * np.random.randn(3073, 10)
for it in range(1500):
    loss, grad = softmax_loss(W, X_train, y_train, 2.5e4)
    W -= 1e-7 * grad
    if it % 100 == 0:
        print(f"iteration {it}: loss {loss:.3f}")
