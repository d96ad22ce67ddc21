import torch.nn as nn


class Discriminator(nn.Module):
    """Returns (real/fake score, class scores), both raw: the losses apply the activations."""

    def __init__(self, n_classes=10, ndf=64):
        super().__init__()
        self.main = nn.Sequential(
            nn.Conv2d(3, ndf, 4, 2, 1), nn.LeakyReLU(0.2, inplace=True),
            nn.Conv2d(ndf, ndf * 2, 4, 2, 1), nn.BatchNorm2d(ndf * 2), nn.LeakyReLU(0.2, inplace=True),
            nn.AdaptiveAvgPool2d(1), nn.Flatten(),
        )
        self.critic = nn.Linear(ndf * 2, 1)
        self.classifier = nn.Linear(ndf * 2, n_classes)

    def forward(self, x):
        h = self.main(x)
        return self.critic(h), self.classifier(h)

    def predict_class(self, x):
        _, scores = self.forward(x)
        return scores.softmax(dim=1).argmax(dim=1)
