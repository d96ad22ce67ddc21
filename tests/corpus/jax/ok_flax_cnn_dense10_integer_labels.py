"""Flax MNIST CNN ending in nn.Dense(features=10) (no activation), trained with
optax.softmax_cross_entropy_with_integer_labels via state.apply_fn.

CORRECT (no finding).
"""
import jax
import jax.numpy as jnp
import flax.linen as nn
import optax
from flax.training import train_state


class CNN(nn.Module):
    @nn.compact
    def __call__(self, x):
        x = nn.Conv(features=32, kernel_size=(3, 3))(x)
        x = nn.relu(x)
        x = nn.max_pool(x, window_shape=(2, 2), strides=(2, 2))
        x = nn.Conv(features=64, kernel_size=(3, 3))(x)
        x = nn.relu(x)
        x = nn.max_pool(x, window_shape=(2, 2), strides=(2, 2))
        x = x.reshape((x.shape[0], -1))
        x = nn.Dense(features=256)(x)
        x = nn.relu(x)
        x = nn.Dense(features=10)(x)
        return x


@jax.jit
def apply_model(state, images, labels):
    def loss_fn(params):
        logits = state.apply_fn({"params": params}, images)
        loss = jnp.mean(optax.softmax_cross_entropy_with_integer_labels(logits=logits, labels=labels))
        return loss, logits

    grad_fn = jax.value_and_grad(loss_fn, has_aux=True)
    (loss, logits), grads = grad_fn(state.params)
    accuracy = jnp.mean(jnp.argmax(logits, -1) == labels)
    return grads, loss, accuracy


def create_train_state(rng, learning_rate=0.1, momentum=0.9):
    cnn = CNN()
    params = cnn.init(rng, jnp.ones([1, 28, 28, 1]))["params"]
    tx = optax.sgd(learning_rate, momentum)
    return train_state.TrainState.create(apply_fn=cnn.apply, params=params, tx=tx)


def train_epoch(state, images, labels, batch_size, rng):
    perms = jax.random.permutation(rng, len(images))
    perms = perms[: len(images) // batch_size * batch_size].reshape((-1, batch_size))
    losses, accs = [], []
    for perm in perms:
        grads, loss, acc = apply_model(state, images[perm], labels[perm])
        state = state.apply_gradients(grads=grads)
        losses.append(loss)
        accs.append(acc)
    return state, jnp.mean(jnp.array(losses)), jnp.mean(jnp.array(accs))


if __name__ == "__main__":
    rng = jax.random.PRNGKey(0)
    state = create_train_state(rng)
    images = jnp.zeros((1024, 28, 28, 1))
    labels = jnp.zeros((1024,), jnp.int32)
    for epoch in range(3):
        rng, sub = jax.random.split(rng)
        state, loss, acc = train_epoch(state, images, labels, 128, sub)
        print(epoch, float(loss), float(acc))
