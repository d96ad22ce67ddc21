"""TF1 estimator-style model_fn: predictions = tf.nn.softmax(logits) and the loss is
tf.compat.v1.losses.softmax_cross_entropy(onehot_labels, predictions).

BUG (CE101): tf.compat.v1.losses.softmax_cross_entropy takes logits as its second
argument.
"""
import tensorflow as tf

N_CLASSES = 7


def model_fn(features, labels, mode, params):
    net = tf.compat.v1.feature_column.input_layer(features, params["feature_columns"])
    for units in params["hidden_units"]:
        net = tf.compat.v1.layers.dense(net, units=units, activation=tf.nn.relu)
    logits = tf.compat.v1.layers.dense(net, N_CLASSES, activation=None)
    predictions = tf.nn.softmax(logits)
    predicted_classes = tf.argmax(predictions, 1)

    if mode == tf.estimator.ModeKeys.PREDICT:
        return tf.estimator.EstimatorSpec(mode, predictions={"class_ids": predicted_classes, "probabilities": predictions})

    onehot = tf.one_hot(labels, depth=N_CLASSES)
    loss = tf.compat.v1.losses.softmax_cross_entropy(onehot, predictions)  # error: CE101
    accuracy = tf.compat.v1.metrics.accuracy(labels=labels, predictions=predicted_classes)

    if mode == tf.estimator.ModeKeys.EVAL:
        return tf.estimator.EstimatorSpec(mode, loss=loss, eval_metric_ops={"accuracy": accuracy})

    optimizer = tf.compat.v1.train.AdagradOptimizer(learning_rate=0.1)
    train_op = optimizer.minimize(loss, global_step=tf.compat.v1.train.get_global_step())
    return tf.estimator.EstimatorSpec(mode, loss=loss, train_op=train_op)


def main():
    cols = [tf.feature_column.numeric_column(k) for k in ["elevation", "aspect", "slope", "hillshade"]]
    classifier = tf.estimator.Estimator(
        model_fn=model_fn,
        params={"feature_columns": cols, "hidden_units": [64, 32]},
    )
    classifier.train(input_fn=lambda: None, steps=1000)


if __name__ == "__main__":
    main()
