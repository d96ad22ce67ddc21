"""Flax MLP on MNIST-like data. Inside the loss function the labels are
converted with jax.nn.one_hot and then passed to
optax.softmax_cross_entropy_with_integer_labels, which wants integer class
ids of shape [batch], not a [batch, 10] one-hot matrix.

Bug: CE301, reported on the optax call.
"""
import jax
import jax.numpy as jnp
import numpy as np
import optax
import flax.linen as nn


class MLP(nn.Module):
    @nn.compact
    def __call__(self, x):
        x = nn.Dense(features=128)(x)
        x = nn.relu(x)
        return nn.Dense(features=10)(x)


model = MLP()
rng = jax.random.PRNGKey(0)
params = model.init(rng, jnp.ones((1, 784)))
tx = optax.adam(1e-3)
opt_state = tx.init(params)


def loss_fn(params, images, labels):
    logits = model.apply(params, images)
    targets = jax.nn.one_hot(labels, 10)
    loss = optax.softmax_cross_entropy_with_integer_labels(logits, targets)  # error: CE301
    return loss.mean()


@jax.jit
def train_step(params, opt_state, images, labels):
    loss, grads = jax.value_and_grad(loss_fn)(params, images, labels)
    updates, opt_state = tx.update(grads, opt_state, params)
    params = optax.apply_updates(params, updates)
    return params, opt_state, loss


data = np.load("mnist_flat.npz")
x_all, y_all = data["x"], data["y"]
for epoch in range(3):
    perm = np.random.permutation(len(x_all))
    for i in range(0, len(x_all), 128):
        idx = perm[i:i + 128]
        params, opt_state, loss = train_step(params, opt_state, x_all[idx], y_all[idx])
    print("epoch", epoch, "loss", float(loss))
