"""A reusable Trainer class holding self.criterion = nn.CrossEntropyLoss(); the model
is an nn.Sequential image classifier ending in nn.Softmax(dim=-1).

BUG (CE101): the trainer applies CrossEntropyLoss to the Sequential's softmax output.
"""
import torch
import torch.nn as nn
from torch.utils.data import DataLoader


def make_model(num_classes=100):
    return nn.Sequential(
        nn.Conv2d(3, 64, 3, padding=1), nn.BatchNorm2d(64), nn.ReLU(),
        nn.MaxPool2d(2),
        nn.Conv2d(64, 128, 3, padding=1), nn.BatchNorm2d(128), nn.ReLU(),
        nn.AdaptiveAvgPool2d(1),
        nn.Flatten(),
        nn.Linear(128, num_classes),
        nn.Softmax(dim=-1),
    )


class Trainer:
    def __init__(self, model, train_loader: DataLoader, lr=0.1, device="cpu"):
        self.model = model.to(device)
        self.loader = train_loader
        self.device = device
        self.criterion = nn.CrossEntropyLoss(label_smoothing=0.1)
        self.optimizer = torch.optim.SGD(self.model.parameters(), lr=lr, momentum=0.9, nesterov=True)

    def train_step(self, images, targets):
        images, targets = images.to(self.device), targets.to(self.device)
        self.optimizer.zero_grad(set_to_none=True)
        outputs = self.model(images)
        loss = self.criterion(outputs, targets)  # error: CE101
        loss.backward()
        self.optimizer.step()
        return loss.item()

    def fit(self, epochs):
        for epoch in range(epochs):
            self.model.train()
            losses = [self.train_step(x, y) for x, y in self.loader]
            print(f"epoch {epoch}: {sum(losses) / len(losses):.4f}")


if __name__ == "__main__":
    from torchvision.datasets import CIFAR100
    from torchvision.transforms import ToTensor

    loader = DataLoader(CIFAR100("data", download=True, transform=ToTensor()), batch_size=128, shuffle=True)
    Trainer(make_model(), loader).fit(epochs=10)
