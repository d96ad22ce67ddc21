import torch
import torch.nn as nn

from .networks import Discriminator
from .trainer import ACGANTrainer


def main(generator, loader):
    trainer = ACGANTrainer(generator, Discriminator(n_classes=10))
    trainer.set_criteria(nn.BCEWithLogitsLoss(), nn.CrossEntropyLoss())
    trainer.train(loader, epochs=50)
    torch.save(trainer.D.state_dict(), "D.pt")
