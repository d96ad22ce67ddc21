"""Where labels come from: the calls that encode targets, keyed by canonical name.

A row says what encoding the call produces, where its class count is written and the dtype of the
result, so that a new label producer is one new row. Anything not listed leaves targets unknown.
"""

from __future__ import annotations

from typing import Dict, NamedTuple, Optional, Tuple

from celint.facts import INTEGER, MULTI_HOT, ONE_HOT, Encoding


class Producer(NamedTuple):
    encoding: Encoding
    how: str  # how a message names it
    classes_kw: Tuple[str, ...] = ()  # keywords that give the class count
    classes_pos: int = -1  # its position
    dtype_float: Optional[bool] = None  # dtype of the result (torch CrossEntropyLoss cares)
    keeps_classes: bool = False  # argmax: the class count of its input survives
    binary_as_one_column: bool = False  # LabelBinarizer: two classes become ONE 0/1 column (valid indices)


def _one_hot(how: str, classes_kw: str, dtype_float: bool = True) -> Producer:
    """A one-hot encoder called as f(labels, classes)."""
    return Producer(encoding=ONE_HOT, how=how, classes_kw=(classes_kw,), classes_pos=1, dtype_float=dtype_float)


_TO_CATEGORICAL = Producer(encoding=ONE_HOT, how="to_categorical", classes_kw=("num_classes", "nb_classes"),
                           classes_pos=1, dtype_float=True)
_TF_ONE_HOT = _one_hot("tf.one_hot", "depth")
_ARGMAX = Producer(encoding=INTEGER, how="argmax", keeps_classes=True, dtype_float=False)

PRODUCERS: Dict[str, Producer] = {
    "keras.utils.to_categorical": _TO_CATEGORICAL,  # keras.utils.np_utils too: names.canonical
    "tensorflow.one_hot": _TF_ONE_HOT,
    "tensorflow.compat.v1.one_hot": _TF_ONE_HOT,
    "jax.nn.one_hot": _one_hot("jax.nn.one_hot", "num_classes"),
    "keras.ops.one_hot": _one_hot("keras.ops.one_hot", "num_classes"),
    "keras.backend.one_hot": _one_hot("K.one_hot", "num_classes"),
    # F.one_hot returns int64: into CrossEntropyLoss it is not a probability target.
    "torch.nn.functional.one_hot": _one_hot("F.one_hot", "num_classes", dtype_float=False),
    "numpy.argmax": _ARGMAX,
    "jax.numpy.argmax": _ARGMAX,
    "tensorflow.argmax": _ARGMAX,
    "tensorflow.math.argmax": _ARGMAX,
    "tensorflow.compat.v1.argmax": _ARGMAX,
    "torch.argmax": _ARGMAX,
}

# pd.get_dummies(series): one column per value. With drop_first=True or several columns it is not one-hot.
GET_DUMMIES = "pandas.get_dummies"

# randint(low, high) / randint(high): integer labels whose class count is `high`.
RANDINT = {"numpy.random.randint": "np.random.randint", "torch.randint": "torch.randint"}

# sklearn encoders: the encoding their fit_transform / transform produces.
ENCODERS: Dict[str, Producer] = {
    "sklearn.preprocessing.LabelEncoder": Producer(encoding=INTEGER, how="LabelEncoder", dtype_float=False),
    "sklearn.preprocessing.LabelBinarizer": Producer(encoding=ONE_HOT, how="LabelBinarizer", dtype_float=False,
                                                     binary_as_one_column=True),
    "sklearn.preprocessing.OneHotEncoder": Producer(encoding=ONE_HOT, how="OneHotEncoder", dtype_float=True),
    "sklearn.preprocessing.MultiLabelBinarizer": Producer(encoding=MULTI_HOT, how="MultiLabelBinarizer",
                                                          dtype_float=False),
}
ENCODE_METHODS = frozenset({"fit_transform", "transform"})

# keras.datasets.<name>.load_data() -> (x_train, y_train), (x_test, y_test): integer labels.
DATASET_CLASSES: Dict[str, int] = {
    "keras.datasets.mnist.load_data": 10,
    "keras.datasets.fashion_mnist.load_data": 10,
    "keras.datasets.cifar10.load_data": 10,
    "keras.datasets.cifar100.load_data": 100,  # label_mode="coarse": 20
    "keras.datasets.reuters.load_data": 46,
    "keras.datasets.imdb.load_data": 2,
}
CIFAR100_COARSE = 20

# TF1 tutorials: read_data_sets(dir, one_hot=False) -> .train/.validation/.test with .labels, .next_batch(n).
READ_DATA_SETS = (
    "tensorflow.examples.tutorials.mnist.input_data.read_data_sets",
    "tensorflow.contrib.learn.python.learn.datasets.mnist.read_data_sets",
    "tensorflow.compat.v1.examples.tutorials.mnist.input_data.read_data_sets",
    "input_data.read_data_sets",
)
MNIST_SPLITS = frozenset({"train", "validation", "test"})
PLACEHOLDERS = ("tensorflow.placeholder", "tensorflow.compat.v1.placeholder")

# Calls that return their argument's rows unchanged (array / tensor conversions): (name, dtype pos).
CONVERSIONS: Dict[str, int] = {
    "numpy.array": 1, "numpy.asarray": 1, "numpy.squeeze": -1, "numpy.ravel": -1,
    "torch.tensor": -1, "torch.as_tensor": -1, "torch.from_numpy": -1,
    "tensorflow.convert_to_tensor": 1, "tensorflow.constant": 1, "tensorflow.cast": 1,
    "jax.numpy.array": 1, "jax.numpy.asarray": 1,
}
TYPED_CONVERSIONS: Dict[str, bool] = {"torch.LongTensor": False, "torch.FloatTensor": True}

# Calls whose result holds each array argument split in two, in order (X_tr, X_te, y_tr, y_te).
SPLITTERS = ("sklearn.model_selection.train_test_split", "sklearn.cross_validation.train_test_split")
SHUFFLERS = ("sklearn.utils.shuffle",)

# tf.data: datasets whose elements are (x, y) and the methods that keep them.
DATASET_CONSTRUCTORS = ("tensorflow.data.Dataset.from_tensor_slices", "tensorflow.data.Dataset.from_tensors")
TENSOR_DATASET = "torch.utils.data.TensorDataset"
DATA_LOADER = "torch.utils.data.DataLoader"
DATASET_METHODS = frozenset({"batch", "shuffle", "prefetch", "repeat", "cache", "take", "skip", "padded_batch",
                             "unbatch", "with_options"})

# Methods on label arrays: those that keep what the rows hold, and the dtype casts among them.
KEEPING_METHODS = frozenset({"astype", "float", "double", "half", "long", "int", "to", "type", "cpu", "cuda",
                             "numpy", "detach", "clone", "contiguous", "copy", "to_numpy", "tolist"})
# Reshapes keep class indices (N,) / (N, 1) but not a one-hot matrix.
INTEGER_ONLY_METHODS = frozenset({"flatten", "ravel", "squeeze", "reshape", "view"})
FLOAT_METHODS = frozenset({"float", "double", "half"})
INT_METHODS = frozenset({"long", "int"})
# Attributes that hand back the same data (pandas .values, torch .data).
SAME_DATA_ATTRIBUTES = frozenset({"values", "data"})
FLOAT_DTYPE_WORDS = ("float", "double", "half", "bfloat16")
INT_DTYPE_WORDS = ("int", "long", "uint8", "bool")
