"""Correct: the labels are stored one-hot (np.load), and are turned into class
indices with np.argmax(y, axis=1) before becoming a Long tensor for
F.nll_loss over log_softmax outputs. The argmax makes them integer again.
No finding.
"""
import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F


class Net(nn.Module):
    def __init__(self, n_in, n_out):
        super().__init__()
        self.fc1 = nn.Linear(n_in, 128)
        self.fc2 = nn.Linear(128, n_out)

    def forward(self, x):
        x = F.relu(self.fc1(x))
        return F.log_softmax(self.fc2(x), dim=1)


x_np = np.load("spectra_x.npy").astype(np.float32)
y_onehot = np.load("spectra_y_onehot.npy")
y_np = np.argmax(y_onehot, axis=1)

x = torch.from_numpy(x_np)
y = torch.from_numpy(y_np).long()

net = Net(x.shape[1], 5)
opt = torch.optim.Adam(net.parameters(), lr=3e-3)

for epoch in range(200):
    for i in range(0, len(x), 64):
        xb, yb = x[i:i + 64], y[i:i + 64]
        out = net(xb)
        loss = F.nll_loss(out, yb)
        opt.zero_grad()
        loss.backward()
        opt.step()
    if epoch % 20 == 0:
        print(epoch, loss.item())
