# Transfer learning on an ImageFolder: the class count is whatever folders exist,
# so a two-output head cannot be checked statically.
import torch
import torch.nn as nn
from torchvision import datasets, models, transforms

data = datasets.ImageFolder("hymenoptera_data/train", transform=transforms.ToTensor())
loader = torch.utils.data.DataLoader(data, batch_size=8, shuffle=True)

model = models.resnet18(weights="IMAGENET1K_V1")
model.fc = nn.Linear(model.fc.in_features, 2)
criterion = nn.CrossEntropyLoss()
optimizer = torch.optim.SGD(model.parameters(), lr=0.001, momentum=0.9)
for inputs, labels in loader:
    optimizer.zero_grad()
    loss = criterion(model(inputs), labels)
    loss.backward()
    optimizer.step()
