"""Training loop for ResNetLite with batch statistics. CORRECT (no finding)."""
import jax
import jax.numpy as jnp
import optax
from flax.training import train_state

from .models import ResNetLite


class TrainState(train_state.TrainState):
    batch_stats: dict


def create_state(rng, num_classes=10):
    model = ResNetLite(num_classes=num_classes)
    variables = model.init(rng, jnp.ones((1, 32, 32, 3)), train=False)
    tx = optax.sgd(optax.cosine_decay_schedule(0.1, 10000), momentum=0.9, nesterov=True)
    return TrainState.create(apply_fn=model.apply, params=variables["params"], tx=tx,
                             batch_stats=variables["batch_stats"])


@jax.jit
def train_step(state, images, labels):
    def loss_fn(params):
        logits, updates = state.apply_fn(
            {"params": params, "batch_stats": state.batch_stats}, images, train=True, mutable=["batch_stats"]
        )
        loss = optax.softmax_cross_entropy_with_integer_labels(logits, labels).mean()
        return loss, (logits, updates)

    (loss, (logits, updates)), grads = jax.value_and_grad(loss_fn, has_aux=True)(state.params)
    state = state.apply_gradients(grads=grads, batch_stats=updates["batch_stats"])
    probs = jax.nn.softmax(logits, axis=-1)
    return state, loss, jnp.mean(jnp.argmax(probs, -1) == labels)


if __name__ == "__main__":
    state = create_state(jax.random.PRNGKey(0))
    images = jnp.zeros((128, 32, 32, 3))
    labels = jnp.zeros((128,), jnp.int32)
    for step in range(100):
        state, loss, acc = train_step(state, images, labels)
    print(float(loss), float(acc))
