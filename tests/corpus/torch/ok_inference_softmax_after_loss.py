"""ResNet fine-tuning on a 5-class flower dataset: the loss is computed on the raw
logits; F.softmax(logits, dim=1) is taken afterwards only to log confidences.

CORRECT (no finding): the softmax output never reaches the loss.
"""
import torch
import torch.nn as nn
import torch.nn.functional as F
from torchvision import models


def build(num_classes=5):
    net = models.resnet50(weights="IMAGENET1K_V2")
    for p in net.parameters():
        p.requires_grad = False
    net.fc = nn.Linear(net.fc.in_features, num_classes)
    return net


def train_one_epoch(model, loader, criterion, optimizer, device):
    model.train()
    confidences = []
    for images, labels in loader:
        images, labels = images.to(device), labels.to(device)
        optimizer.zero_grad()
        logits = model(images)
        loss = criterion(logits, labels)
        loss.backward()
        optimizer.step()
        probs = F.softmax(logits.detach(), dim=1)
        confidences.append(probs.max(dim=1).values.mean().item())
    return sum(confidences) / len(confidences)


def main():
    device = torch.device("cuda" if torch.cuda.is_available() else "cpu")
    model = build().to(device)
    criterion = nn.CrossEntropyLoss()
    optimizer = torch.optim.SGD(model.fc.parameters(), lr=1e-3, momentum=0.9)
    loader = [(torch.randn(4, 3, 224, 224), torch.randint(0, 5, (4,))) for _ in range(3)]
    for epoch in range(3):
        print(f"epoch {epoch}: mean confidence {train_one_epoch(model, loader, criterion, optimizer, device):.3f}")


if __name__ == "__main__":
    main()
