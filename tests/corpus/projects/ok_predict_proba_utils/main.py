"""Covertype baseline: python main.py"""
import numpy as np
import torch
import torch.nn as nn
from torch.utils.data import DataLoader, TensorDataset

from model import TabularMLP
from utils import accuracy, fit


def load_split(path):
    data = np.load(path)
    x = torch.tensor(data["x"], dtype=torch.float32)
    y = torch.tensor(data["y"], dtype=torch.long)
    return TensorDataset(x, y)


def main():
    train_ds, valid_ds = load_split("train.npz"), load_split("valid.npz")
    train_dl = DataLoader(train_ds, batch_size=512, shuffle=True)
    valid_dl = DataLoader(valid_ds, batch_size=2048)
    model = TabularMLP(n_features=54, n_classes=7)
    loss_fn = nn.CrossEntropyLoss(label_smoothing=0.05)
    optimizer = torch.optim.AdamW(model.parameters(), lr=3e-3, weight_decay=1e-4)
    for epoch in range(25):
        train_loss = fit(model, loss_fn, train_dl, optimizer)
        print(epoch, round(train_loss, 4), accuracy(model, valid_dl))


if __name__ == "__main__":
    main()
