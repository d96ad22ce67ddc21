"""Lesion classifier: a small conv trunk and a one-unit linear head (a raw score, no sigmoid)."""
import torch.nn as nn


def conv_block(c_in, c_out):
    return nn.Sequential(nn.Conv2d(c_in, c_out, 3, padding=1), nn.BatchNorm2d(c_out), nn.ReLU(inplace=True),
                         nn.MaxPool2d(2))


class LesionNet(nn.Module):
    def __init__(self, in_channels=3, width=32):
        super().__init__()
        self.trunk = nn.Sequential(conv_block(in_channels, width), conv_block(width, width * 2),
                                   conv_block(width * 2, width * 4), nn.AdaptiveAvgPool2d(1), nn.Flatten())
        self.drop = nn.Dropout(0.4)
        self.fc = nn.Linear(width * 4, 1)

    def forward(self, x):
        return self.fc(self.drop(self.trunk(x))).squeeze(1)
