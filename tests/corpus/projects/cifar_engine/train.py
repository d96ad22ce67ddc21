"""python train.py --epochs 30 --lr 0.05"""
import argparse

import torch
import torch.nn as nn
import torchvision
import torchvision.transforms as T

from engine import evaluate, train_one_epoch
from models import SimpleCNN


def get_args():
    parser = argparse.ArgumentParser(description="CIFAR-10 training")
    parser.add_argument("--epochs", type=int, default=30)
    parser.add_argument("--lr", type=float, default=0.05)
    parser.add_argument("--batch-size", type=int, default=128)
    return parser.parse_args()


def main(args):
    device = torch.device("cuda" if torch.cuda.is_available() else "cpu")
    tf = T.Compose([T.RandomHorizontalFlip(), T.ToTensor(), T.Normalize((0.49, 0.48, 0.45), (0.25, 0.24, 0.26))])
    train_set = torchvision.datasets.CIFAR10("./data", train=True, download=True, transform=tf)
    test_set = torchvision.datasets.CIFAR10("./data", train=False, download=True, transform=T.ToTensor())
    train_loader = torch.utils.data.DataLoader(train_set, batch_size=args.batch_size, shuffle=True, num_workers=2)
    test_loader = torch.utils.data.DataLoader(test_set, batch_size=256)

    model = SimpleCNN(num_classes=10).to(device)
    criterion = nn.CrossEntropyLoss()
    optimizer = torch.optim.SGD(model.parameters(), lr=args.lr, momentum=0.9, weight_decay=5e-4)
    scheduler = torch.optim.lr_scheduler.CosineAnnealingLR(optimizer, T_max=args.epochs)

    best = 0.0
    for epoch in range(args.epochs):
        train_one_epoch(model, criterion, train_loader, optimizer, device, epoch)
        scheduler.step()
        val_loss, val_acc = evaluate(model, criterion, test_loader, device)
        if val_acc > best:
            best = val_acc
            torch.save(model.state_dict(), "best.pt")
        print(f"epoch {epoch}: val loss {val_loss:.3f} acc {val_acc:.3f}")


if __name__ == "__main__":
    main(get_args())
