"""Softmax regression from scratch, textbook style: softmax written with tensor methods and the
cross-entropy as the log of the picked probability, trained with autograd.
"""
import torch

num_inputs, num_outputs = 784, 10
W = torch.normal(0, 0.01, size=(num_inputs, num_outputs), requires_grad=True)
b = torch.zeros(num_outputs, requires_grad=True)


def softmax(X):
    X_exp = X.exp()
    partition = X_exp.sum(dim=1, keepdim=True)
    return X_exp / partition


def net(X):
    return softmax(torch.matmul(X.reshape((-1, W.shape[0])), W) + b)


def cross_entropy(y_hat, y):
    return -torch.log(y_hat[range(len(y_hat)), y])  # error: CE103


def train_epoch(train_iter, lr=0.1):
    for X, y in train_iter:
        l = cross_entropy(net(X), y)
        l.sum().backward()
        with torch.no_grad():
            for param in (W, b):
                param -= lr * param.grad / X.shape[0]
                param.grad.zero_()
