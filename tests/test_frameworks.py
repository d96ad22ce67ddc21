"""The trickiest PyTorch / low-level TensorFlow / JAX flows, each a small whole program.

Every case is checked for exactly its `# error:` annotations; look-alikes that must stay silent have none.
"""

from __future__ import annotations

import textwrap

import pytest
from annotations import expected_findings

from celint.engine import check_source


def findings(source: str) -> set:
    result = check_source(textwrap.dedent(source), "case.py")
    assert result.error is None
    return {(f.line, f.code) for f in result.findings}


def assert_annotated(source: str) -> None:
    source = textwrap.dedent(source)
    assert findings(source) == expected_findings(source)


def test_softmax_through_a_helper_method_and_a_local_variable_reaches_the_loop_loss() -> None:
    assert_annotated("""
        import torch.nn as nn

        class Net(nn.Module):
            def __init__(self, n=10):
                super().__init__()
                self.body = nn.Sequential(nn.Linear(4, 8), nn.ReLU())
                self.head = nn.Linear(8, out_features=n)

            def scores(self, x):
                return self.head(self.body(x))

            def forward(self, x):
                z = self.scores(x)
                p = z.softmax(dim=-1)
                return p

        model = Net()
        criterion = nn.CrossEntropyLoss()
        for x, y in loader:
            out = model(x)
            loss = criterion(out, y)  # error: CE101
        """)


def test_cross_entropy_after_log_softmax_is_redundant_but_silent_and_nll_after_it_is_right() -> None:
    assert_annotated("""
        import torch.nn as nn
        model = nn.Sequential(nn.Linear(4, 3), nn.LogSoftmax(dim=1))
        ce, nll = nn.CrossEntropyLoss(), nn.NLLLoss()

        def step(x, y):
            out = model(x)
            return ce(out, y) + nll(out, y)
        """)


def test_nll_loss_on_probabilities_and_on_raw_scores_is_ce102() -> None:
    assert_annotated("""
        import torch.nn as nn
        import torch.nn.functional as F
        probs_model = nn.Sequential(nn.Linear(4, 6), nn.Softmax(dim=-1))
        raw_model = nn.Sequential(nn.Linear(4, 6))

        def step(x, y):
            a = F.nll_loss(probs_model(x), y)  # error: CE102
            b = nn.NLLLoss()(raw_model(x), y)  # error: CE102
            return a + b
        """)


def test_single_column_cross_entropy_is_ce202_and_single_unit_softmax_module_ce201() -> None:
    assert_annotated("""
        import torch.nn as nn
        import torch.nn.functional as F
        one = nn.Sequential(nn.Linear(4, 1))
        gate = nn.Sequential(nn.Linear(4, 1), nn.Softmax(dim=1))  # error: CE201

        def step(x, y):
            return F.cross_entropy(one(x), y)  # error: CE202
        """)


def test_attention_softmax_over_a_one_unit_score_along_time_is_silent() -> None:
    assert_annotated("""
        import torch.nn as nn
        import torch.nn.functional as F

        class Pool(nn.Module):
            def __init__(self, d):
                super().__init__()
                self.score = nn.Linear(d, 1)
                self.out = nn.Linear(d, 3)

            def forward(self, h):
                w = F.softmax(self.score(h), dim=1)
                return self.out((w * h).sum(1))

        model = Pool(16)
        criterion = nn.CrossEntropyLoss()

        def step(h, y):
            return criterion(model(h), y)
        """)


def test_lightning_self_call_runs_forward_and_casts_keep_the_head() -> None:
    assert_annotated("""
        import torch.nn as nn
        import pytorch_lightning as pl

        class Lit(pl.LightningModule):
            def __init__(self):
                super().__init__()
                self.net = nn.Sequential(nn.Linear(10, 1), nn.Sigmoid())
                self.loss = nn.BCEWithLogitsLoss()

            def forward(self, x):
                return self.net(x)

            def training_step(self, batch, batch_idx):
                x, y = batch
                out = self(x).squeeze(1).float()
                return self.loss(out, y)  # error: CE101
        """)


def test_criterion_passed_as_a_parameter_is_reported_once_at_the_loss() -> None:
    source = textwrap.dedent("""
        import torch.nn as nn
        import torch.nn.functional as F

        def train_one_epoch(model, loader, criterion):
            for x, y in loader:
                loss = criterion(F.softmax(model(x), dim=1), y)  # error: CE101
                loss.backward()

        model = nn.Linear(8, 4)
        train_one_epoch(model, [], nn.CrossEntropyLoss())
        train_one_epoch(model, [], nn.CrossEntropyLoss())
        """)
    result = check_source(source, "case.py")
    assert [(f.line, f.code) for f in result.findings] == [(7, "CE101")]


def test_bce_on_raw_scores_plus_another_term_is_still_raw_scores() -> None:
    assert_annotated("""
        import torch.nn as nn

        class Wide(nn.Module):
            def __init__(self):
                super().__init__()
                self.wide = nn.EmbeddingBag(1000, 1)
                self.fc = nn.Linear(16, 1)

            def forward(self, ids, dense):
                return (self.wide(ids) + self.fc(dense) / 2.0).squeeze(1)

        model = Wide()
        criterion = nn.BCELoss()

        def step(ids, dense, y):
            return criterion(model(ids, dense), y)  # error: CE102
        """)


def test_tf_with_logits_traced_through_variables_to_a_softmax_under_a_tape() -> None:
    assert_annotated("""
        import tensorflow as tf
        W = tf.Variable(tf.zeros([784, 10]))

        def step(x, y):
            with tf.GradientTape() as tape:
                logits = tf.matmul(x, W)
                probs = tf.nn.softmax(logits)
                per_example = tf.nn.softmax_cross_entropy_with_logits(labels=y, logits=probs)  # error: CE101
                loss = tf.reduce_mean(per_example)
            return tape.gradient(loss, [W])

        def ok_step(x, y):
            logits = tf.matmul(x, W)
            return tf.nn.softmax_cross_entropy_with_logits(labels=y, logits=logits), tf.nn.softmax(logits)
        """)


def test_tf1_functional_dense_layers_and_compat_losses() -> None:
    assert_annotated("""
        import tensorflow as tf
        x = tf.placeholder(tf.float32, [None, 784])
        y = tf.placeholder(tf.float32, [None, 10])
        h = tf.layers.dense(x, 128, activation=tf.nn.relu)
        probs = tf.layers.dense(h, 10, activation=tf.nn.softmax)
        bad = tf.compat.v1.losses.softmax_cross_entropy(y, probs)  # error: CE101
        logits = tf.compat.v1.layers.dense(h, 10)
        good = tf.compat.v1.losses.softmax_cross_entropy(y, logits)
        """)


def test_hand_written_log_losses_are_ce103_and_clipped_ones_are_silent() -> None:
    assert_annotated("""
        import tensorflow as tf
        p = tf.nn.softmax(z)
        s = tf.sigmoid(z)
        a = -tf.reduce_sum(y * tf.math.log(p), axis=1)  # error: CE103
        b = -tf.reduce_sum(y * tf.math.log(tf.clip_by_value(p, 1e-7, 1.0)), axis=1)
        c = -(y * tf.math.log(s) + (1 - y) * tf.math.log(1 - s))  # error: CE103
        d = tf.math.log(p + 1e-7)
        """)


HAND_WRITTEN_LOG_LOSSES = """
        import numpy as np

        def sigmoid(z):
            return 1.0 / (1.0 + np.exp(-z))

        def softmax(z):
            e = np.exp(z - z.max(axis=-1, keepdims=True))
            return e / e.sum(axis=-1, keepdims=True)

        def logloss(z, y):
            return -np.mean(y * np.log(sigmoid(z)) + (1 - y) * np.log(1 - sigmoid(z)))  # error: CE103

        def xent(z, onehot):
            return -np.sum(onehot * np.log(softmax(z)), axis=-1)  # error: CE103

        def not_a_sigmoid(z):
            return np.log(1.0 / (2.0 + np.exp(-z)))
        """


def test_user_defined_sigmoid_and_softmax_made_of_exp_are_recognised() -> None:
    assert_annotated(HAND_WRITTEN_LOG_LOSSES.replace("import numpy as np", "import jax.numpy as np"))


def test_numpy_only_log_losses_are_not_flagged() -> None:
    """NumPy arrays are not differentiated by any framework: a cost printed next to a hand-written
    gradient is not CE103's business (the same code on jax.numpy is, above)."""
    assert_annotated(HAND_WRITTEN_LOG_LOSSES.replace("  # error: CE103", ""))


def test_flax_train_state_apply_fn_inside_a_value_and_grad_loss() -> None:
    assert_annotated("""
        import jax
        import flax.linen as nn
        import optax
        from flax.training import train_state

        class MLP(nn.Module):
            @nn.compact
            def __call__(self, x):
                return nn.softmax(nn.Dense(features=10)(x))

        def create(rng):
            model = MLP()
            return train_state.TrainState.create(apply_fn=model.apply, params=None, tx=optax.adam(1e-3))

        @jax.jit
        def train_step(state, x, y):
            def loss_fn(params):
                out = state.apply_fn({"params": params}, x)
                return optax.softmax_cross_entropy_with_integer_labels(out, y).mean()  # error: CE101
            loss, grads = jax.value_and_grad(loss_fn)(state.params)
            return state.apply_gradients(grads=grads), loss

        state = create(jax.random.PRNGKey(0))
        train_step(state, None, None)
        """)


def test_flax_dense_one_feature_into_integer_label_softmax_loss_is_ce202() -> None:
    assert_annotated("""
        import flax.linen as nn
        import optax

        class Scorer(nn.Module):
            @nn.compact
            def __call__(self, x):
                return nn.Dense(features=1)(x)

        model = Scorer()

        def loss_fn(params, x, y):
            return optax.softmax_cross_entropy_with_integer_labels(model.apply(params, x), y).mean()  # error: CE202

        def ok_loss(params, x, y):
            return optax.sigmoid_binary_cross_entropy(model.apply(params, x)[..., 0], y).mean()
        """)


@pytest.mark.parametrize("spelling", ["tf", "T"])
def test_torchvision_transforms_named_tf_is_not_tensorflow(spelling: str) -> None:
    assert_annotated(f"""
        import torch.nn as nn
        import torchvision.transforms as {spelling}
        transform = {spelling}.Compose([{spelling}.ToTensor()])
        model = nn.Sequential(nn.Linear(784, 10))
        criterion = nn.CrossEntropyLoss()

        def step(x, y):
            return criterion(model(x), y)
        """)


def test_softmax_without_dim_is_ce104_for_pytorch_only() -> None:
    assert_annotated("""
        import torch
        import torch.nn as nn
        import torch.nn.functional as F
        import jax
        head = nn.Softmax()  # error: CE104
        out = head(torch.randn(2, 3, 4))
        p = F.log_softmax(torch.randn(2, 3, 4))  # error: CE104
        q = torch.randn(2, 3).softmax(dim=-1)
        r = jax.nn.softmax(torch.randn(2, 3))
        """)


def test_log_softmax_written_with_logsumexp_is_log_probabilities() -> None:
    assert_annotated("""
        import torch
        import torch.nn as nn
        import torch.nn.functional as F
        fc = nn.Linear(16, 5)

        def step(x, y):
            z = fc(x)
            log_probs = z - torch.logsumexp(z, dim=1, keepdim=True)
            shifted = z - z.max(dim=1, keepdim=True).values
            return F.nll_loss(log_probs, y) + F.nll_loss(shifted, y) + F.nll_loss(z * 2.0, y)  # error: CE102
        """)


def test_a_subclassed_flax_train_state_keeps_its_apply_fn() -> None:
    assert_annotated("""
        import jax
        import flax.linen as nn
        import optax
        from flax.training import train_state

        class TrainState(train_state.TrainState):
            batch_stats: dict

        class Net(nn.Module):
            @nn.compact
            def __call__(self, x):
                return nn.sigmoid(nn.Dense(features=1)(x))

        model = Net()
        state = TrainState.create(apply_fn=model.apply, params=None, tx=optax.sgd(0.1), batch_stats={})

        def loss_fn(params, x, y):
            return optax.sigmoid_binary_cross_entropy(state.apply_fn(params, x), y).mean()  # error: CE101
        """)
