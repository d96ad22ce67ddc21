"""Generator and discriminator of a conditional GAN with an auxiliary classifier.

The discriminator returns two heads as a tuple: a real/fake probability (sigmoid)
and class probabilities (softmax).
"""
import torch
import torch.nn as nn


class Generator(nn.Module):
    def __init__(self, n_classes=10, latent_dim=100, img_size=32, channels=1):
        super().__init__()
        self.label_emb = nn.Embedding(n_classes, latent_dim)
        self.init_size = img_size // 4
        self.l1 = nn.Linear(latent_dim, 128 * self.init_size ** 2)
        self.conv_blocks = nn.Sequential(
            nn.BatchNorm2d(128), nn.Upsample(scale_factor=2), nn.Conv2d(128, 128, 3, padding=1),
            nn.LeakyReLU(0.2, inplace=True), nn.Upsample(scale_factor=2), nn.Conv2d(128, channels, 3, padding=1),
            nn.Tanh(),
        )

    def forward(self, noise, labels):
        out = self.l1(torch.mul(self.label_emb(labels), noise))
        out = out.view(out.shape[0], 128, self.init_size, self.init_size)
        return self.conv_blocks(out)


class Discriminator(nn.Module):
    def __init__(self, n_classes=10, img_size=32, channels=1):
        super().__init__()
        self.features = nn.Sequential(
            nn.Conv2d(channels, 32, 3, 2, 1), nn.LeakyReLU(0.2, inplace=True), nn.Dropout2d(0.25),
            nn.Conv2d(32, 64, 3, 2, 1), nn.LeakyReLU(0.2, inplace=True), nn.Dropout2d(0.25),
            nn.Flatten(),
        )
        feat = 64 * (img_size // 4) ** 2
        self.adv_layer = nn.Sequential(nn.Linear(feat, 1), nn.Sigmoid())
        self.aux_layer = nn.Sequential(nn.Linear(feat, n_classes), nn.Softmax(dim=1))

    def forward(self, img):
        h = self.features(img)
        validity = self.adv_layer(h)
        label = self.aux_layer(h)
        return validity, label
