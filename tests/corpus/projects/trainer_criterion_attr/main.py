import torch
import torch.nn as nn

from .models import FlowerHead
from .trainer import Trainer


def main(loader, epochs=20):
    model = FlowerHead(n_classes=102)
    trainer = Trainer(model, torch.optim.Adam(model.parameters(), lr=1e-3))
    trainer.criterion = nn.CrossEntropyLoss()
    return trainer.fit(loader, epochs)


if __name__ == "__main__":
    main(torch.load("features_loader.pt"))
