"""AC-GAN written as a package with a trainer class. CORRECT (no finding): the
discriminator returns raw scores for both heads and the losses take logits."""
