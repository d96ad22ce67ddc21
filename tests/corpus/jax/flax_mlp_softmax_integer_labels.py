"""Flax MNIST MLP whose @nn.compact __call__ ends with nn.Dense(features=10) followed
by nn.softmax(x); the train step feeds state.apply_fn output to
optax.softmax_cross_entropy_with_integer_labels.

BUG (CE101): optax's softmax cross-entropy expects unnormalised logits.
"""
import jax
import jax.numpy as jnp
import flax.linen as nn
import optax
from flax.training import train_state


class MLP(nn.Module):
    hidden: int = 512

    @nn.compact
    def __call__(self, x):
        x = x.reshape((x.shape[0], -1))
        x = nn.relu(nn.Dense(features=self.hidden)(x))
        x = nn.relu(nn.Dense(features=self.hidden // 2)(x))
        x = nn.Dense(features=10)(x)
        return nn.softmax(x)


def create_state(rng, lr=1e-3):
    model = MLP()
    params = model.init(rng, jnp.ones((1, 28, 28, 1)))["params"]
    return train_state.TrainState.create(apply_fn=model.apply, params=params, tx=optax.adam(lr))


@jax.jit
def train_step(state, images, labels):
    def loss_fn(params):
        logits = state.apply_fn({"params": params}, images)
        loss = optax.softmax_cross_entropy_with_integer_labels(logits=logits, labels=labels).mean()  # error: CE101
        return loss, logits

    (loss, logits), grads = jax.value_and_grad(loss_fn, has_aux=True)(state.params)
    state = state.apply_gradients(grads=grads)
    accuracy = jnp.mean(jnp.argmax(logits, -1) == labels)
    return state, loss, accuracy


if __name__ == "__main__":
    rng = jax.random.PRNGKey(0)
    state = create_state(rng)
    for step in range(1000):
        rng, k1, k2 = jax.random.split(rng, 3)
        x = jax.random.normal(k1, (128, 28, 28, 1))
        y = jax.random.randint(k2, (128,), 0, 10)
        state, loss, acc = train_step(state, x, y)
        if step % 100 == 0:
            print(step, float(loss), float(acc))
