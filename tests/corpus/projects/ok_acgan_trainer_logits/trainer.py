import torch
import torch.nn as nn


class ACGANTrainer:
    def __init__(self, generator, discriminator, n_classes=10, nz=100, lr=2e-4):
        self.G, self.D = generator, discriminator
        self.nz, self.n_classes = nz, n_classes
        self.opt_g = torch.optim.Adam(self.G.parameters(), lr=lr, betas=(0.5, 0.999))
        self.opt_d = torch.optim.Adam(self.D.parameters(), lr=lr, betas=(0.5, 0.999))
        self.adv_criterion = None
        self.cls_criterion = None

    def set_criteria(self, adversarial, auxiliary):
        self.adv_criterion = adversarial
        self.cls_criterion = auxiliary

    def d_step(self, real, labels):
        self.opt_d.zero_grad()
        real_score, real_cls = self.D(real)
        z = torch.randn(real.size(0), self.nz)
        fake_labels = torch.randint(0, self.n_classes, (real.size(0),))
        fake = self.G(z, fake_labels).detach()
        fake_score, fake_cls = self.D(fake)
        loss = (self.adv_criterion(real_score, torch.ones_like(real_score))
                + self.adv_criterion(fake_score, torch.zeros_like(fake_score))
                + self.cls_criterion(real_cls, labels) + self.cls_criterion(fake_cls, fake_labels))
        loss.backward()
        self.opt_d.step()
        return loss.item()

    def train(self, loader, epochs):
        for _ in range(epochs):
            for real, labels in loader:
                self.d_step(real, labels)
