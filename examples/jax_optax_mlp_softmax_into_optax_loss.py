"""A pure-JAX MLP trained with optax.

predict() returns jax.nn.softmax(...) for convenience at inference time, and the loss reuses it:
optax.softmax_cross_entropy expects logits, so the softmax is applied twice.
"""
import jax
import jax.numpy as jnp
import optax


def init_params(key, sizes=(784, 256, 10)):
    params = []
    for n_in, n_out in zip(sizes[:-1], sizes[1:]):
        key, sub = jax.random.split(key)
        params.append((jax.random.normal(sub, (n_in, n_out)) * jnp.sqrt(2.0 / n_in), jnp.zeros(n_out)))
    return params


def predict(params, x):
    for w, b in params[:-1]:
        x = jax.nn.relu(x @ w + b)
    w, b = params[-1]
    return jax.nn.softmax(x @ w + b, axis=-1)


def loss_fn(params, x, y_onehot):
    probs = predict(params, x)
    return optax.softmax_cross_entropy(probs, y_onehot).mean()  # error: CE101


optimizer = optax.adam(1e-3)


@jax.jit
def update(params, opt_state, x, y_onehot):
    loss, grads = jax.value_and_grad(loss_fn)(params, x, y_onehot)
    updates, opt_state = optimizer.update(grads, opt_state, params)
    return optax.apply_updates(params, updates), opt_state, loss


if __name__ == "__main__":
    key = jax.random.PRNGKey(0)
    params = init_params(key)
    opt_state = optimizer.init(params)
    for step in range(1000):
        key, kx, ky = jax.random.split(key, 3)
        x = jax.random.normal(kx, (128, 784))
        y = jax.nn.one_hot(jax.random.randint(ky, (128,), 0, 10), 10)
        params, opt_state, loss = update(params, opt_state, x, y)
        if step % 100 == 0:
            print(step, float(loss))
