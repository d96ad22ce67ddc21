"""JAX sequence tagger (POS tags) with a masked cross-entropy written by hand using
the stable jax.nn.log_softmax: -jnp.sum(one_hot * jax.nn.log_softmax(logits), -1).

CORRECT (no finding).
"""
import jax
import jax.numpy as jnp
import flax.linen as nn
import optax

N_TAGS = 17


class Tagger(nn.Module):
    vocab: int = 20000
    dim: int = 128

    @nn.compact
    def __call__(self, tokens):
        x = nn.Embed(num_embeddings=self.vocab, features=self.dim)(tokens)
        x = nn.Conv(features=self.dim, kernel_size=(5,))(x)
        x = nn.gelu(x)
        x = nn.Conv(features=self.dim, kernel_size=(5,))(x)
        x = nn.gelu(x)
        return nn.Dense(features=N_TAGS)(x)


model = Tagger()
optimizer = optax.adam(1e-3)


def masked_xent(params, tokens, tags, mask):
    logits = model.apply(params, tokens)
    one_hot = jax.nn.one_hot(tags, N_TAGS)
    token_loss = -jnp.sum(one_hot * jax.nn.log_softmax(logits), axis=-1)
    return jnp.sum(token_loss * mask) / jnp.maximum(jnp.sum(mask), 1.0)


@jax.jit
def update(params, opt_state, tokens, tags, mask):
    loss, grads = jax.value_and_grad(masked_xent)(params, tokens, tags, mask)
    updates, opt_state = optimizer.update(grads, opt_state, params)
    return optax.apply_updates(params, updates), opt_state, loss


if __name__ == "__main__":
    key = jax.random.PRNGKey(0)
    tokens = jax.random.randint(key, (32, 40), 1, 20000)
    tags = jax.random.randint(key, (32, 40), 0, N_TAGS)
    mask = (tokens > 100).astype(jnp.float32)
    params = model.init(key, tokens)
    opt_state = optimizer.init(params)
    for step in range(200):
        params, opt_state, loss = update(params, opt_state, tokens, tags, mask)
    print(float(loss))
