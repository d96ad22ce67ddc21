"""Speech-command classifier over log-mel frames; forward returns logits."""
import torch.nn as nn


class M5(nn.Module):
    def __init__(self, n_input=1, n_output=35, stride=16, n_channel=32):
        super().__init__()
        self.features = nn.Sequential(
            nn.Conv1d(n_input, n_channel, kernel_size=80, stride=stride), nn.BatchNorm1d(n_channel), nn.ReLU(),
            nn.MaxPool1d(4),
            nn.Conv1d(n_channel, 2 * n_channel, kernel_size=3), nn.BatchNorm1d(2 * n_channel), nn.ReLU(),
            nn.MaxPool1d(4),
            nn.AdaptiveAvgPool1d(1),
        )
        self.fc1 = nn.Linear(2 * n_channel, n_output)

    def forward(self, x):
        x = self.features(x).squeeze(-1)
        return self.fc1(x)
