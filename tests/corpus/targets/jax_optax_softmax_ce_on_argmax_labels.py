"""JAX/optax classifier. The dataset ships one-hot labels, but the author
converts them back to class ids with jnp.argmax (to compute accuracy) and
then passes those integer ids to optax.softmax_cross_entropy, which expects
one-hot / probability labels with the same shape as the logits.

Bug: CE302, reported on the optax call.
"""
import jax
import jax.numpy as jnp
import optax


def init_params(key, sizes=(64, 32, 10)):
    params = []
    in_dim = 20
    for out_dim in sizes:
        key, sub = jax.random.split(key)
        w = jax.random.normal(sub, (in_dim, out_dim)) * jnp.sqrt(2.0 / in_dim)
        params.append((w, jnp.zeros(out_dim)))
        in_dim = out_dim
    return params


def forward(params, x):
    for w, b in params[:-1]:
        x = jax.nn.relu(x @ w + b)
    w, b = params[-1]
    return x @ w + b


def loss_and_acc(params, x, y_onehot):
    logits = forward(params, x)
    labels = jnp.argmax(y_onehot, axis=-1)
    loss = optax.softmax_cross_entropy(logits, labels).mean()  # error: CE302
    acc = (jnp.argmax(logits, -1) == labels).mean()
    return loss, acc


optimizer = optax.sgd(0.05, momentum=0.9)


@jax.jit
def update(params, opt_state, x, y_onehot):
    (loss, acc), grads = jax.value_and_grad(loss_and_acc, has_aux=True)(params, x, y_onehot)
    updates, opt_state = optimizer.update(grads, opt_state)
    return optax.apply_updates(params, updates), opt_state, loss, acc


key = jax.random.PRNGKey(42)
params = init_params(key)
opt_state = optimizer.init(params)
