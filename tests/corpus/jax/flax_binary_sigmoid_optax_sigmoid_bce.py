"""Flax binary classifier (Higgs tabular data): __call__ ends in nn.Dense(features=1)
then nn.sigmoid; the loss uses optax.sigmoid_binary_cross_entropy on model.apply
output.

BUG (CE101): sigmoid_binary_cross_entropy expects logits.
"""
import jax
import jax.numpy as jnp
import numpy as np
import optax
from flax import linen as nn


class HiggsNet(nn.Module):
    widths: tuple = (300, 300, 300)

    @nn.compact
    def __call__(self, x, train: bool = False):
        for w in self.widths:
            x = nn.Dense(features=w)(x)
            x = nn.tanh(x)
            x = nn.Dropout(rate=0.1, deterministic=not train)(x)
        x = nn.Dense(features=1)(x)
        return nn.sigmoid(x).squeeze(-1)


model = HiggsNet()
tx = optax.adamw(1e-3, weight_decay=1e-5)


def loss_fn(params, x, y, dropout_key):
    preds = model.apply(params, x, train=True, rngs={"dropout": dropout_key})
    return optax.sigmoid_binary_cross_entropy(preds, y).mean()  # error: CE101


@jax.jit
def step(params, opt_state, x, y, key):
    loss, grads = jax.value_and_grad(loss_fn)(params, x, y, key)
    updates, opt_state = tx.update(grads, opt_state, params)
    return optax.apply_updates(params, updates), opt_state, loss


if __name__ == "__main__":
    X = np.random.randn(10000, 28).astype(np.float32)
    Y = (np.random.rand(10000) > 0.47).astype(np.float32)
    key = jax.random.PRNGKey(0)
    params = model.init(key, jnp.ones((1, 28)))
    opt_state = tx.init(params)
    for epoch in range(10):
        for i in range(0, len(X), 500):
            key, sub = jax.random.split(key)
            params, opt_state, loss = step(params, opt_state, X[i:i + 500], Y[i:i + 500], sub)
        print(epoch, float(loss))
