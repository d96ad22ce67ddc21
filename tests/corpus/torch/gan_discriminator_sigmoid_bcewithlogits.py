"""DCGAN on 64x64 images: the discriminator nn.Sequential ends in nn.Sigmoid(), but
the loss was switched to nn.BCEWithLogitsLoss "for numerical stability".

BUG (CE101) at every criterion(...) call that gets the discriminator output: the
real loss, the fake loss, and the generator loss.
"""
import torch
import torch.nn as nn

nz, ngf, ndf = 100, 64, 64

generator = nn.Sequential(
    nn.ConvTranspose2d(nz, ngf * 8, 4, 1, 0, bias=False), nn.BatchNorm2d(ngf * 8), nn.ReLU(True),
    nn.ConvTranspose2d(ngf * 8, ngf * 4, 4, 2, 1, bias=False), nn.BatchNorm2d(ngf * 4), nn.ReLU(True),
    nn.ConvTranspose2d(ngf * 4, ngf * 2, 4, 2, 1, bias=False), nn.BatchNorm2d(ngf * 2), nn.ReLU(True),
    nn.ConvTranspose2d(ngf * 2, ngf, 4, 2, 1, bias=False), nn.BatchNorm2d(ngf), nn.ReLU(True),
    nn.ConvTranspose2d(ngf, 3, 4, 2, 1, bias=False), nn.Tanh(),
)

discriminator = nn.Sequential(
    nn.Conv2d(3, ndf, 4, 2, 1, bias=False), nn.LeakyReLU(0.2, inplace=True),
    nn.Conv2d(ndf, ndf * 2, 4, 2, 1, bias=False), nn.BatchNorm2d(ndf * 2), nn.LeakyReLU(0.2, inplace=True),
    nn.Conv2d(ndf * 2, ndf * 4, 4, 2, 1, bias=False), nn.BatchNorm2d(ndf * 4), nn.LeakyReLU(0.2, inplace=True),
    nn.Conv2d(ndf * 4, 1, 4, 1, 0, bias=False),
    nn.Flatten(),
    nn.Sigmoid(),
)

criterion = nn.BCEWithLogitsLoss()
opt_d = torch.optim.Adam(discriminator.parameters(), lr=2e-4, betas=(0.5, 0.999))
opt_g = torch.optim.Adam(generator.parameters(), lr=2e-4, betas=(0.5, 0.999))


def train(dataloader, epochs=5):
    for epoch in range(epochs):
        for real, _ in dataloader:
            b = real.size(0)
            ones, zeros = torch.ones(b, 1), torch.zeros(b, 1)
            noise = torch.randn(b, nz, 1, 1)
            fake = generator(noise)

            opt_d.zero_grad()
            loss_real = criterion(discriminator(real), ones)  # error: CE101
            loss_fake = criterion(discriminator(fake.detach()), zeros)  # error: CE101
            (loss_real + loss_fake).backward()
            opt_d.step()

            opt_g.zero_grad()
            loss_g = criterion(discriminator(fake), ones)  # error: CE101
            loss_g.backward()
            opt_g.step()
        print(f"epoch {epoch}: D={loss_real.item() + loss_fake.item():.3f} G={loss_g.item():.3f}")
