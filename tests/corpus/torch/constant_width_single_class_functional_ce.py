"""Anomaly flagging on sensor windows: the head width comes from a module-level
constant NUM_CLASSES = 1 and the training step uses F.cross_entropy.

BUG (CE202): cross_entropy over a single column is always 0; the model never
learns. (The author meant binary_cross_entropy_with_logits.)
"""
import torch
import torch.nn as nn
import torch.nn.functional as F

WINDOW = 128
N_SENSORS = 6
NUM_CLASSES = 1


class SensorCNN(nn.Module):
    def __init__(self):
        super().__init__()
        self.conv = nn.Sequential(
            nn.Conv1d(N_SENSORS, 32, 7, padding=3), nn.ReLU(),
            nn.MaxPool1d(2),
            nn.Conv1d(32, 64, 5, padding=2), nn.ReLU(),
            nn.AdaptiveAvgPool1d(1),
        )
        self.fc = nn.Linear(64, NUM_CLASSES)

    def forward(self, x):
        return self.fc(self.conv(x).flatten(1))


def train_step(model, optimizer, windows, labels):
    model.train()
    optimizer.zero_grad()
    logits = model(windows)
    loss = F.cross_entropy(logits, labels)  # error: CE202
    loss.backward()
    optimizer.step()
    return loss.item()


if __name__ == "__main__":
    model = SensorCNN()
    optimizer = torch.optim.Adam(model.parameters(), lr=1e-3)
    for step in range(300):
        windows = torch.randn(64, N_SENSORS, WINDOW)
        labels = (torch.rand(64) < 0.1).long()
        loss = train_step(model, optimizer, windows, labels)
        if step % 50 == 0:
            print(step, loss)
