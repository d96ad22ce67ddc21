"""python -m melanoma_bce_engine.train"""
import torch
import torch.nn as nn

from .engine import auc_inputs, train_epoch
from .net import LesionNet


def run(train_loader, val_loader, epochs=40, lr=1e-4):
    device = "cuda" if torch.cuda.is_available() else "cpu"
    net = LesionNet(in_channels=3).to(device)
    optimizer = torch.optim.RMSprop(net.parameters(), lr=lr, weight_decay=1e-8, momentum=0.9)
    criterion = nn.BCELoss()
    for epoch in range(epochs):
        loss = train_epoch(net, train_loader, criterion, optimizer, device=device)
        scores, labels = auc_inputs(net, val_loader, device)
        print(f"epoch {epoch + 1}: loss {loss:.4f}", scores.shape, labels.float().mean().item())
