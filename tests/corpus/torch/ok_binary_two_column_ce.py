"""Binary cats-vs-dogs classifier trained with nn.CrossEntropyLoss over TWO output
columns (nn.Linear(512, 2)); the constructor default num_classes=1 is overridden by
Net(num_classes=2).

CORRECT (no finding): two columns with CrossEntropyLoss is the standard binary setup.
"""
import torch
from torch import nn


class CatsDogsNet(nn.Module):
    def __init__(self, num_classes=1):
        super().__init__()
        self.features = nn.Sequential(
            nn.Conv2d(3, 32, 3), nn.ReLU(), nn.MaxPool2d(2),
            nn.Conv2d(32, 64, 3), nn.ReLU(), nn.MaxPool2d(2),
            nn.Conv2d(64, 128, 3), nn.ReLU(), nn.AdaptiveAvgPool2d(2),
            nn.Flatten(),
            nn.Linear(512, 512), nn.ReLU(),
        )
        self.classifier = nn.Linear(512, num_classes)

    def forward(self, x):
        features = self.features(x)
        return self.classifier(features)


model = CatsDogsNet(num_classes=2)
criterion = nn.CrossEntropyLoss()
optimizer = torch.optim.Adam(model.parameters(), lr=1e-4)

for epoch in range(10):
    correct, seen = 0, 0
    for _ in range(20):
        images = torch.randn(32, 3, 128, 128)
        labels = torch.randint(0, 2, (32,))
        outputs = model(images)
        loss = criterion(
            outputs,
            labels,
        )
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
        correct += (outputs.argmax(1) == labels).sum().item()
        seen += labels.numel()
    print(f"epoch {epoch}: loss={loss.item():.3f} acc={correct / seen:.3f}")
