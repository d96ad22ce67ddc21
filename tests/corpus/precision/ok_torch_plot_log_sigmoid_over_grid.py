"""Lecture notebook cell: plot the log-loss of a sigmoid unit over a grid of logits, and show the
softmax of a hand-picked score vector. Only constants go in; nothing is trained.

NOT FLAGGED: formulas over constants.
"""
import matplotlib.pyplot as plt
import torch

z = torch.linspace(-10, 10, 200)
plt.plot(z, -torch.log(torch.sigmoid(z)), label="y = 1")
plt.plot(z, -torch.log(1 - torch.sigmoid(z)), label="y = 0")
plt.legend()
plt.show()

scores = torch.tensor([[2.0, 1.0, 0.1]])
probs = torch.softmax(scores, dim=1)
print("cross-entropy if class 0 is right:", -torch.log(probs[0, 0]).item())
