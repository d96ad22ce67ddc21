"""Flax CIFAR CNN returns raw logits, but the loss function converts them with
jax.nn.softmax "to get probabilities" before
optax.softmax_cross_entropy_with_integer_labels; a second eval loss does the same.

BUG (CE101) at both loss call sites.
"""
import jax
import jax.numpy as jnp
import flax.linen as nn
import optax
from flax.training import train_state


class CNN(nn.Module):
    num_classes: int = 10

    @nn.compact
    def __call__(self, x):
        x = nn.Conv(features=32, kernel_size=(3, 3))(x)
        x = nn.relu(x)
        x = nn.avg_pool(x, window_shape=(2, 2), strides=(2, 2))
        x = nn.Conv(features=64, kernel_size=(3, 3))(x)
        x = nn.relu(x)
        x = nn.avg_pool(x, window_shape=(2, 2), strides=(2, 2))
        x = x.reshape((x.shape[0], -1))
        x = nn.relu(nn.Dense(features=256)(x))
        return nn.Dense(features=self.num_classes)(x)


@jax.jit
def train_step(state, batch):
    def loss_fn(params):
        logits = state.apply_fn({"params": params}, batch["image"])
        probs = jax.nn.softmax(logits)
        loss = optax.softmax_cross_entropy_with_integer_labels(probs, batch["label"]).mean()  # error: CE101
        return loss

    loss, grads = jax.value_and_grad(loss_fn)(state.params)
    return state.apply_gradients(grads=grads), loss


@jax.jit
def eval_step(state, batch):
    probs = jax.nn.softmax(state.apply_fn({"params": state.params}, batch["image"]))
    loss = optax.softmax_cross_entropy_with_integer_labels(probs, batch["label"]).mean()  # error: CE101
    acc = jnp.mean(jnp.argmax(probs, -1) == batch["label"])
    return loss, acc


def create_train_state(rng):
    cnn = CNN()
    params = cnn.init(rng, jnp.ones([1, 32, 32, 3]))["params"]
    tx = optax.sgd(learning_rate=0.01, momentum=0.9)
    return train_state.TrainState.create(apply_fn=cnn.apply, params=params, tx=tx)


if __name__ == "__main__":
    state = create_train_state(jax.random.PRNGKey(0))
    batch = {"image": jnp.zeros((64, 32, 32, 3)), "label": jnp.zeros((64,), jnp.int32)}
    for i in range(10):
        state, loss = train_step(state, batch)
    print(eval_step(state, batch))
