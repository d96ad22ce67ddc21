"""CIFAR-10 small convnet whose forward returns raw self.fc(x); loss is F.nll_loss.

BUG (CE102): nll_loss expects log-probabilities; on raw scores it just returns
-logit[target], which is unbounded below and the logits diverge.
"""
import torch
import torch.nn as nn
import torch.nn.functional as F
import torchvision
import torchvision.transforms as T


class SmallConvNet(nn.Module):
    def __init__(self, num_classes=10):
        super().__init__()
        self.conv1 = nn.Conv2d(3, 32, 3, padding=1)
        self.conv2 = nn.Conv2d(32, 64, 3, padding=1)
        self.conv3 = nn.Conv2d(64, 128, 3, padding=1)
        self.pool = nn.MaxPool2d(2)
        self.fc = nn.Linear(128 * 4 * 4, num_classes)

    def forward(self, x):
        x = self.pool(F.relu(self.conv1(x)))
        x = self.pool(F.relu(self.conv2(x)))
        x = self.pool(F.relu(self.conv3(x)))
        x = x.view(x.size(0), -1)
        return self.fc(x)


transform = T.Compose([T.RandomHorizontalFlip(), T.ToTensor(), T.Normalize((0.5,) * 3, (0.5,) * 3)])
trainset = torchvision.datasets.CIFAR10(root="./data", train=True, download=True, transform=transform)
trainloader = torch.utils.data.DataLoader(trainset, batch_size=128, shuffle=True, num_workers=2)

net = SmallConvNet()
optimizer = torch.optim.SGD(net.parameters(), lr=0.05, momentum=0.9, weight_decay=5e-4)
scheduler = torch.optim.lr_scheduler.CosineAnnealingLR(optimizer, T_max=30)

for epoch in range(30):
    net.train()
    correct = 0
    for inputs, labels in trainloader:
        optimizer.zero_grad()
        logits = net(inputs)
        loss = F.nll_loss(logits, labels)  # error: CE102
        loss.backward()
        optimizer.step()
        correct += (logits.argmax(1) == labels).sum().item()
    scheduler.step()
    print(f"epoch {epoch} acc {correct / len(trainset):.3f}")
