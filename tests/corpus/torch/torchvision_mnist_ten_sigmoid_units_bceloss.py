# MNIST with ten sigmoid outputs and BCELoss, the labels passed as they come from
# the DataLoader: one column of class ids against ten outputs (PyTorch raises
# "Using a target size ... that is different to the input size").
import torch
import torch.nn as nn
from torchvision import datasets, transforms

train_set = datasets.FashionMNIST("./data", train=True, download=True, transform=transforms.ToTensor())
train_set, val_set = torch.utils.data.random_split(train_set, [50000, 10000])
loader = torch.utils.data.DataLoader(train_set, batch_size=128, shuffle=True)


class MLP(nn.Module):
    def __init__(self):
        super().__init__()
        self.body = nn.Sequential(nn.Flatten(), nn.Linear(784, 128), nn.ReLU())
        self.head = nn.Linear(128, 10)  # error: CE303

    def forward(self, x):
        return torch.sigmoid(self.head(self.body(x)))


model = MLP()
criterion = nn.BCELoss()
optimizer = torch.optim.SGD(model.parameters(), lr=0.1)
for epoch in range(5):
    for x, y in loader:
        optimizer.zero_grad()
        loss = criterion(model(x), y.float())
        loss.backward()
        optimizer.step()
