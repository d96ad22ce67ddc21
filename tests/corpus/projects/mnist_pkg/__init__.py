"""MNIST package: models.py defines Net (forward returns F.softmax(..., dim=1)),
train.py imports it with `from .models import Net` and uses nn.CrossEntropyLoss.

BUG (CE101), reported in train.py at the loss line.
"""
