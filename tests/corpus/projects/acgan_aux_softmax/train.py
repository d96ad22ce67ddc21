"""Training loop of the auxiliary-classifier GAN.

BUG (CE101): the discriminator's class head already ends in nn.Softmax, and the
auxiliary loss is nn.CrossEntropyLoss: both auxiliary terms get probabilities.
The adversarial terms (sigmoid + BCELoss) are right.
"""
import torch
import torch.nn as nn

from models import Discriminator, Generator

latent_dim, n_classes = 100, 10
generator = Generator(n_classes, latent_dim)
discriminator = Discriminator(n_classes)
adversarial_loss = nn.BCELoss()
auxiliary_loss = nn.CrossEntropyLoss()
opt_g = torch.optim.Adam(generator.parameters(), lr=2e-4, betas=(0.5, 0.999))
opt_d = torch.optim.Adam(discriminator.parameters(), lr=2e-4, betas=(0.5, 0.999))
dataloader = torch.load("mnist32_loader.pt")

for epoch in range(200):
    for imgs, labels in dataloader:
        batch = imgs.size(0)
        valid = torch.ones(batch, 1)
        fake = torch.zeros(batch, 1)

        opt_g.zero_grad()
        z = torch.randn(batch, latent_dim)
        gen_labels = torch.randint(0, n_classes, (batch,))
        gen_imgs = generator(z, gen_labels)
        validity, pred_label = discriminator(gen_imgs)
        g_loss = 0.5 * (adversarial_loss(validity, valid) + auxiliary_loss(pred_label, gen_labels))  # error: CE101
        g_loss.backward()
        opt_g.step()

        opt_d.zero_grad()
        real_pred, real_aux = discriminator(imgs)
        d_real_loss = (adversarial_loss(real_pred, valid) + auxiliary_loss(real_aux, labels)) / 2  # error: CE101
        fake_pred, fake_aux = discriminator(gen_imgs.detach())
        d_fake_loss = (adversarial_loss(fake_pred, fake) + auxiliary_loss(fake_aux, gen_labels)) / 2  # error: CE101
        d_loss = (d_real_loss + d_fake_loss) / 2
        d_loss.backward()
        opt_d.step()
