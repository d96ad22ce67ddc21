"""MNIST GAN with a discriminator nn.Module whose forward ends in nn.Sigmoid() (held in
self.model), trained with nn.BCELoss.

CORRECT (no finding): the look-alike of the BCEWithLogitsLoss GAN bug -- here the loss
expects probabilities and gets them.
"""
import torch
import torch.nn as nn

latent_dim, img_dim = 64, 28 * 28


class Generator(nn.Module):
    def __init__(self):
        super().__init__()
        self.model = nn.Sequential(
            nn.Linear(latent_dim, 256), nn.LeakyReLU(0.2),
            nn.Linear(256, 512), nn.LeakyReLU(0.2),
            nn.Linear(512, img_dim), nn.Tanh(),
        )

    def forward(self, z):
        return self.model(z)


class Discriminator(nn.Module):
    def __init__(self):
        super().__init__()
        self.model = nn.Sequential(
            nn.Linear(img_dim, 512), nn.LeakyReLU(0.2),
            nn.Linear(512, 256), nn.LeakyReLU(0.2),
            nn.Linear(256, 1),
            nn.Sigmoid(),
        )

    def forward(self, img):
        return self.model(img.view(img.size(0), -1))


G, D = Generator(), Discriminator()
adversarial_loss = nn.BCELoss()
opt_G = torch.optim.Adam(G.parameters(), lr=2e-4, betas=(0.5, 0.999))
opt_D = torch.optim.Adam(D.parameters(), lr=2e-4, betas=(0.5, 0.999))

for step in range(2000):
    real = torch.rand(64, 1, 28, 28) * 2 - 1
    valid, fake_lbl = torch.ones(64, 1), torch.zeros(64, 1)

    opt_G.zero_grad()
    gen_imgs = G(torch.randn(64, latent_dim))
    g_loss = adversarial_loss(D(gen_imgs), valid)
    g_loss.backward()
    opt_G.step()

    opt_D.zero_grad()
    real_loss = adversarial_loss(D(real), valid)
    fake_loss = adversarial_loss(D(gen_imgs.detach()), fake_lbl)
    d_loss = (real_loss + fake_loss) / 2
    d_loss.backward()
    opt_D.step()
    if step % 200 == 0:
        print(f"step {step}: D={d_loss.item():.3f} G={g_loss.item():.3f}")
