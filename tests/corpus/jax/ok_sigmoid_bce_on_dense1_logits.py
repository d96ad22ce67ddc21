"""Flax binary classifier ending in nn.Dense(features=1) (raw logit), trained with
optax.sigmoid_binary_cross_entropy; jax.nn.sigmoid is applied only in predict().

CORRECT (no finding).
"""
import jax
import jax.numpy as jnp
import numpy as np
import optax
from flax import linen as nn


class AdultIncomeNet(nn.Module):
    @nn.compact
    def __call__(self, x):
        x = nn.relu(nn.Dense(features=128)(x))
        x = nn.relu(nn.Dense(features=64)(x))
        return nn.Dense(features=1)(x)[..., 0]


model = AdultIncomeNet()
tx = optax.adam(1e-3)


def loss_fn(params, x, y):
    logits = model.apply(params, x)
    return optax.sigmoid_binary_cross_entropy(logits, y).mean()


@jax.jit
def train_step(params, opt_state, x, y):
    loss, grads = jax.value_and_grad(loss_fn)(params, x, y)
    updates, opt_state = tx.update(grads, opt_state, params)
    return optax.apply_updates(params, updates), opt_state, loss


@jax.jit
def predict(params, x):
    return jax.nn.sigmoid(model.apply(params, x))


if __name__ == "__main__":
    X = np.random.randn(30000, 104).astype(np.float32)
    y = (np.random.rand(30000) < 0.24).astype(np.float32)
    params = model.init(jax.random.PRNGKey(0), X[:1])
    opt_state = tx.init(params)
    for epoch in range(5):
        for i in range(0, len(X), 1024):
            params, opt_state, loss = train_step(params, opt_state, X[i:i + 1024], y[i:i + 1024])
        acc = np.mean((np.asarray(predict(params, X)) > 0.5) == y)
        print(f"epoch {epoch}: loss={float(loss):.4f} acc={acc:.3f}")
