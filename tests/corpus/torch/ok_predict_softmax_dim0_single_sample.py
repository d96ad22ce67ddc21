"""Digit classifier whose `predict` helper classifies ONE flattened image (a 1-D tensor), so dim=0 is
the class axis there. Training calls forward, which returns logits to CrossEntropyLoss. Correct.
"""
import torch
import torch.nn as nn
import torch.nn.functional as F


class DigitNet(nn.Module):
    def __init__(self):
        super().__init__()
        self.hidden = nn.Linear(64, 32)
        self.out = nn.Linear(32, 10)

    def forward(self, x):
        return self.out(torch.relu(self.hidden(x)))

    def predict(self, image):
        with torch.no_grad():
            probs = F.softmax(self.forward(image.flatten()), dim=0)
        return int(probs.argmax()), probs


net = DigitNet()
criterion = nn.CrossEntropyLoss()
optimizer = torch.optim.SGD(net.parameters(), lr=0.05, momentum=0.9)

for epoch in range(30):
    for images, targets in train_loader:
        optimizer.zero_grad()
        loss = criterion(net(images), targets)
        loss.backward()
        optimizer.step()

label, confidence = net.predict(test_images[0])
print(label, confidence[label].item())
