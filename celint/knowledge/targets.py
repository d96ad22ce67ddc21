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
    depth_from_labels: bool = False  # without a class count, one column per class up to max(labels) + 1


def _one_hot(how: str, classes_kw: str, dtype_float: bool = True) -> Producer:
    """A one-hot encoder called as f(labels, classes)."""
    return Producer(encoding=ONE_HOT, how=how, classes_kw=(classes_kw,), classes_pos=1, dtype_float=dtype_float)


_TO_CATEGORICAL = Producer(
    encoding=ONE_HOT,
    how="to_categorical",
    classes_kw=("num_classes", "nb_classes"),
    classes_pos=1,
    dtype_float=True,
    depth_from_labels=True,
)
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
    "torch.nn.functional.one_hot": _one_hot("F.one_hot", "num_classes", dtype_float=False)._replace(
        depth_from_labels=True
    ),
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
    "sklearn.preprocessing.LabelBinarizer": Producer(
        encoding=ONE_HOT, how="LabelBinarizer", dtype_float=False, binary_as_one_column=True
    ),
    "sklearn.preprocessing.OneHotEncoder": Producer(encoding=ONE_HOT, how="OneHotEncoder", dtype_float=True),
    "sklearn.preprocessing.MultiLabelBinarizer": Producer(
        encoding=MULTI_HOT, how="MultiLabelBinarizer", dtype_float=False
    ),
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
    "numpy.array": 1,
    "numpy.asarray": 1,
    "numpy.squeeze": -1,
    "numpy.ravel": -1,
    "torch.tensor": -1,
    "torch.as_tensor": -1,
    "torch.from_numpy": -1,
    "tensorflow.convert_to_tensor": 1,
    "tensorflow.constant": 1,
    "tensorflow.cast": 1,
    "jax.numpy.array": 1,
    "jax.numpy.asarray": 1,
}
# Array constructors whose argument may be class ids written out (`np.array([0, 2, 1])`).
LITERAL_ARRAYS = ("numpy.array", "numpy.asarray", "torch.tensor", "tensorflow.constant", "jax.numpy.array")
TYPED_CONVERSIONS: Dict[str, bool] = {"torch.LongTensor": False, "torch.FloatTensor": True}

# Calls whose result holds each array argument split in two, in order (X_tr, X_te, y_tr, y_te).
SPLITTERS = ("sklearn.model_selection.train_test_split", "sklearn.cross_validation.train_test_split")
SHUFFLERS = ("sklearn.utils.shuffle",)

# tf.data: datasets whose elements are (x, y) and the methods that keep them.
DATASET_CONSTRUCTORS = ("tensorflow.data.Dataset.from_tensor_slices", "tensorflow.data.Dataset.from_tensors")
TENSOR_DATASET = "torch.utils.data.TensorDataset"
DATA_LOADER = "torch.utils.data.DataLoader"
DATASET_METHODS = frozenset(
    {"batch", "shuffle", "prefetch", "repeat", "cache", "take", "skip", "padded_batch", "unbatch", "with_options"}
)

# Methods on label arrays: those that keep what the rows hold, and the dtype casts among them.
KEEPING_METHODS = frozenset(
    {
        "astype",
        "float",
        "double",
        "half",
        "long",
        "int",
        "to",
        "type",
        "cpu",
        "cuda",
        "numpy",
        "detach",
        "clone",
        "contiguous",
        "copy",
        "to_numpy",
        "tolist",
    }
)
# Reshapes keep class indices (N,) / (N, 1) but not a one-hot matrix.
INTEGER_ONLY_METHODS = frozenset({"flatten", "ravel", "squeeze", "reshape", "view"})
FLOAT_METHODS = frozenset({"float", "double", "half"})
INT_METHODS = frozenset({"long", "int"})
# Attributes that hand back the same data (pandas .values, torch .data).
SAME_DATA_ATTRIBUTES = frozenset({"values", "data"})
FLOAT_DTYPE_WORDS = ("float", "double", "half", "bfloat16")
INT_DTYPE_WORDS = ("int", "long", "uint8", "bool")


# ----- datasets whose labels celint can name ------------------------------------------------------------
class ToyDataset(NamedTuple):
    """An sklearn loader or generator: integer labels (one column) and how many classes they carry."""

    classes: Optional[int]  # the fixed count, or the default of `classes_kw`
    classes_kw: str = ""  # the keyword that sets the count (make_classification's n_classes)
    encoding: Encoding = INTEGER
    returns_bunch: bool = False  # load_*(): a Bunch with .data / .target unless return_X_y=True


_LOADER = ToyDataset  # readability in the table below
SKLEARN_DATASETS: Dict[str, ToyDataset] = {
    "sklearn.datasets.load_iris": _LOADER(3, returns_bunch=True),
    "sklearn.datasets.load_digits": _LOADER(10, classes_kw="n_class", returns_bunch=True),
    "sklearn.datasets.load_wine": _LOADER(3, returns_bunch=True),
    "sklearn.datasets.load_breast_cancer": _LOADER(2, returns_bunch=True),
    "sklearn.datasets.make_classification": _LOADER(2, classes_kw="n_classes"),
    "sklearn.datasets.make_blobs": _LOADER(3, classes_kw="centers"),  # centers=None: three blobs
    "sklearn.datasets.make_moons": _LOADER(2),
    "sklearn.datasets.make_circles": _LOADER(2),
    "sklearn.datasets.make_gaussian_quantiles": _LOADER(3, classes_kw="n_classes"),
    "sklearn.datasets.make_multilabel_classification": _LOADER(5, classes_kw="n_classes", encoding=MULTI_HOT),
}
BUNCH_TARGET = "target"  # bunch.target / bunch["target"]

# Keras directory readers. ImageDataGenerator().flow_from_directory(class_mode=...): how each mode
# encodes the labels (absent modes give no labels, or labels we cannot name: "input", "raw", None...).
IMAGE_DATA_GENERATOR = "keras.preprocessing.image.ImageDataGenerator"
CLASS_MODES: Dict[str, Encoding] = {"categorical": ONE_HOT, "binary": INTEGER, "sparse": INTEGER}
BINARY_MODE = "binary"  # one 0/1 column: two classes


class DirectoryReader(NamedTuple):
    """A call reading labelled files from sub-directories: where its mode and class list are given."""

    mode: Tuple[str, int]  # (keyword, position) of class_mode / label_mode
    default_mode: str
    class_list: Tuple[str, int]  # (keyword, position) of the explicit class names, when given
    how: str


GENERATOR_FLOWS: Dict[str, DirectoryReader] = {
    "flow_from_directory": DirectoryReader(("class_mode", 4), "categorical", ("classes", 3), "flow_from_directory"),
    "flow_from_dataframe": DirectoryReader(("class_mode", -1), "categorical", ("classes", -1), "flow_from_dataframe"),
}
# label_mode "int" (the default) / "categorical" / "binary"; None: no labels.
LABEL_MODES: Dict[str, Encoding] = {"int": INTEGER, "categorical": ONE_HOT, "binary": INTEGER}
_FROM_DIRECTORY = DirectoryReader(("label_mode", 2), "int", ("class_names", 3), "")
DATASETS_FROM_DIRECTORY: Dict[str, DirectoryReader] = {
    "keras.utils.image_dataset_from_directory": _FROM_DIRECTORY._replace(how="image_dataset_from_directory"),
    "keras.preprocessing.image_dataset_from_directory": _FROM_DIRECTORY._replace(how="image_dataset_from_directory"),
    "keras.utils.text_dataset_from_directory": _FROM_DIRECTORY._replace(how="text_dataset_from_directory"),
    "keras.preprocessing.text_dataset_from_directory": _FROM_DIRECTORY._replace(how="text_dataset_from_directory"),
    "keras.utils.audio_dataset_from_directory": _FROM_DIRECTORY._replace(how="audio_dataset_from_directory"),
}

# torchvision datasets: (image, class index) pairs; the class count where the dataset fixes it.
TORCHVISION_DATASETS: Dict[str, Optional[int]] = {
    "torchvision.datasets.MNIST": 10,
    "torchvision.datasets.FashionMNIST": 10,
    "torchvision.datasets.KMNIST": 10,
    "torchvision.datasets.CIFAR10": 10,
    "torchvision.datasets.CIFAR100": 100,
    "torchvision.datasets.SVHN": 10,
    "torchvision.datasets.STL10": 10,
    "torchvision.datasets.ImageFolder": None,
    "torchvision.datasets.DatasetFolder": None,
}
RANDOM_SPLIT = "torch.utils.data.random_split"
# Wrappers that iterate over what they are given (progress bars).
PASS_THROUGH_ITERABLES = ("tqdm.tqdm", "tqdm.auto.tqdm", "tqdm.notebook.tqdm")
