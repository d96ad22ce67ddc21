"""Flax transformer classifier with a hand-written attention block (nn.softmax over
attention scores inside the module); the model ends in nn.Dense(features=num_classes)
and is trained with optax.softmax_cross_entropy_with_integer_labels.

CORRECT (no finding): the softmax is internal attention, not the output.
"""
import jax
import jax.numpy as jnp
import flax.linen as nn
import optax
from flax.training import train_state


class Attention(nn.Module):
    dim: int

    @nn.compact
    def __call__(self, x):
        q = nn.Dense(features=self.dim)(x)
        k = nn.Dense(features=self.dim)(x)
        v = nn.Dense(features=self.dim)(x)
        scores = q @ jnp.swapaxes(k, -1, -2) / jnp.sqrt(self.dim)
        weights = nn.softmax(scores, axis=-1)
        return nn.Dense(features=self.dim)(weights @ v)


class Classifier(nn.Module):
    vocab: int = 8000
    dim: int = 64
    num_classes: int = 3

    @nn.compact
    def __call__(self, tokens):
        x = nn.Embed(self.vocab, self.dim)(tokens)
        x = nn.LayerNorm()(x + Attention(self.dim)(x))
        x = nn.LayerNorm()(x + nn.Dense(features=self.dim)(nn.gelu(nn.Dense(features=4 * self.dim)(x))))
        x = x.mean(axis=1)
        return nn.Dense(features=self.num_classes)(x)


@jax.jit
def train_step(state, tokens, labels):
    def loss_fn(params):
        logits = state.apply_fn({"params": params}, tokens)
        return optax.softmax_cross_entropy_with_integer_labels(logits, labels).mean()

    loss, grads = jax.value_and_grad(loss_fn)(state.params)
    return state.apply_gradients(grads=grads), loss


if __name__ == "__main__":
    model = Classifier()
    rng = jax.random.PRNGKey(0)
    tokens = jax.random.randint(rng, (16, 64), 0, 8000)
    labels = jax.random.randint(rng, (16,), 0, 3)
    params = model.init(rng, tokens)["params"]
    state = train_state.TrainState.create(apply_fn=model.apply, params=params, tx=optax.adamw(1e-3))
    for i in range(100):
        state, loss = train_step(state, tokens, labels)
    print(float(loss))
