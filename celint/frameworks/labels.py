"""Labels adapter: what encoded labels a name holds, from where they are made to where they reach a loss.

Labels are carried as `Tensor(UNKNOWN_HEAD, targets=Targets(...))`, or inside the label values of
`celint.frameworks.label_values` (datasets, encoders, placeholders). Anything this module does not
recognise leaves them unknown, and arithmetic on labels (mixup, smoothing) makes them unknown too.

Its handlers answer None for "not labels", so that a name another adapter also claims (none does
today) falls through to it.
"""

from __future__ import annotations

import ast
from typing import TYPE_CHECKING, Dict, List, Optional

from celint.facts import INTEGER, ONE_HOT, Encoding, Targets
from celint.frameworks.adapter import Adapter, for_names
from celint.frameworks.label_values import (
    Bunch,
    Dataset,
    Encoder,
    Eye,
    ImageGenerator,
    MnistSets,
    Placeholder,
    labels_of,
    targets_of,
)
from celint.frameworks.tensors import UNKNOWN_HEAD, first_arg
from celint.knowledge import targets as T
from celint.records import replace
from celint.values import UNKNOWN, BoundMethod, Const, DictVal, Ref, Seq, Tensor, Value, const_of, int_of

if TYPE_CHECKING:
    from celint.calls import Args
    from celint.machine import Machine

MAX_HOW = 36  # longer call sources are named by their function only
_LABEL_KEYWORDS = ("y", "a", "input", "x", "indices", "labels")  # where a label producer takes its input
EYES = ("numpy.eye", "numpy.identity", "jax.numpy.eye", "torch.eye")


# ----- helpers ------------------------------------------------------------------------------------
def _labels(
    interp: Machine,
    args: Args,
    encoding: Encoding,
    classes: Optional[int],
    how: str,
    dtype_float: Optional[bool],
    as_written: bool = True,
    binary_as_one_column: bool = False,
) -> Tensor:
    source = interp.source(args.node)
    if as_written and source and "\n" not in source and len(source) <= MAX_HOW:
        how = source
    return Tensor(
        UNKNOWN_HEAD,
        Targets(
            encoding, classes, interp.where(args.node), how, dtype_float, binary_as_one_column=binary_as_one_column
        ),
    )


def _positive(value: Optional[Value]) -> Optional[int]:
    n = int_of(value)
    return n if n is not None and n > 0 else None


def _classes_arg(args: Args, producer: T.Producer) -> Optional[int]:
    for keyword in producer.classes_kw:
        if keyword in args.kw:
            return _positive(args.kw[keyword])
    return _positive(args.get("", producer.classes_pos, None))


def _dtype_float(value: Value, node: Optional[ast.AST]) -> Optional[bool]:
    """True / False when a dtype argument is clearly floating / integer; None otherwise."""
    word = ""
    if isinstance(value, Ref):
        word = value.qualname.rsplit(".", 1)[-1]
    elif isinstance(const_of(value), str):
        word = str(const_of(value))
    elif isinstance(node, ast.Name):
        word = node.id
    word = word.lower()
    if not word:
        return None
    if word.startswith(T.FLOAT_DTYPE_WORDS) or "float" in word:
        return True
    if word.startswith(T.INT_DTYPE_WORDS):
        return False
    return None


def _single_column(node: Optional[ast.AST], value: Value) -> bool:
    """`df["label"]`, `df[["label"]]`, `y.reshape(-1, 1)` or known labels: one column to encode."""
    if labels_of(value) is not None:
        return True
    if isinstance(node, ast.Subscript):
        index = node.slice
        if isinstance(index, ast.Constant) and isinstance(index.value, str):
            return True
        return isinstance(index, ast.List) and len(index.elts) == 1
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
        return node.func.attr in ("reshape", "to_frame")
    return False


# ----- producers ------------------------------------------------------------------------------------
def _produce(interp: Machine, ref: Ref, args: Args) -> Optional[Value]:
    """to_categorical, one_hot, argmax: labels whose encoding the call fixes."""
    producer = T.PRODUCERS[ref.qualname]
    if producer.keeps_classes:
        source = labels_of(first_arg(args, _LABEL_KEYWORDS))
        classes = source.targets.classes if source is not None and source.targets is not None else None
    else:
        classes = _classes_arg(args, producer)
        given = any(k in args.kw for k in producer.classes_kw) or args.given("", producer.classes_pos)
        if producer.depth_from_labels and not given:
            # to_categorical(y): one column per class up to max(y) + 1, known when y's class count is
            source = labels_of(first_arg(args, _LABEL_KEYWORDS))
            if source is not None and source.targets is not None and source.targets.encoding == INTEGER:
                classes = source.targets.classes
    return _labels(
        interp,
        args,
        producer.encoding,
        classes,
        producer.how,
        producer.dtype_float,
        binary_as_one_column=producer.binary_as_one_column,
    )


def _get_dummies(interp: Machine, ref: Ref, args: Args) -> Optional[Value]:
    data = args.get("data", 0, UNKNOWN)
    if args.starred or "columns" in args.kw or interp.truth(args.get("drop_first", -1, Const(False))) is not False:
        return None  # drop_first / several columns: not one-hot rows
    if not _single_column(args.arg_node("data", 0), data):
        return None
    return _labels(interp, args, ONE_HOT, None, "pd.get_dummies", False)


def _randint(interp: Machine, ref: Ref, args: Args) -> Optional[Value]:
    size = args.get("size", 2, None)
    if isinstance(size, Seq) and size.items and int_of(size.items[-1]) != 1 and len(size.items) > 1:
        return None  # randint(0, 2, size=(N, 5)): a matrix of ints, not one class index per row
    if "high" in args.kw:
        high = args.kw["high"]
    elif len(args.pos) >= 2 and int_of(args.pos[1]) is not None:
        high = args.pos[1]  # randint(low, high, ...)
    elif len(args.pos) >= 2 and ref.qualname == "torch.randint":
        high = args.pos[0]  # torch.randint(high, size)
    else:
        high = args.get("low", 0, UNKNOWN) if "size" in args.kw or len(args.pos) == 1 else UNKNOWN
    return _labels(interp, args, INTEGER, _positive(high), T.RANDINT[ref.qualname], False)


def _load_data(interp: Machine, ref: Ref, args: Args) -> Optional[Value]:
    classes: Optional[int] = T.DATASET_CLASSES[ref.qualname]
    if ref.qualname.endswith("cifar100.load_data") and args.given("label_mode", 0):
        mode = const_of(args.get("label_mode", 0, UNKNOWN))
        classes = {"fine": classes, "coarse": T.CIFAR100_COARSE}.get(mode) if isinstance(mode, str) else None
    name = ref.qualname.split(".")[-2]
    y = _labels(interp, args, INTEGER, classes, f"{name}.load_data()", False)
    return Seq((Seq((UNKNOWN, y), is_list=False), Seq((UNKNOWN, y), is_list=False)), is_list=False)


def _read_data_sets(interp: Machine, ref: Ref, args: Args) -> Optional[Value]:
    one_hot = const_of(args.get("one_hot", 2, Const(False)))
    if not isinstance(one_hot, bool):
        return None
    encoding = ONE_HOT if one_hot else INTEGER
    how = "read_data_sets(one_hot=True)" if one_hot else "read_data_sets()"
    return MnistSets(_labels(interp, args, encoding, 10, how, one_hot))


def _placeholder(interp: Machine, ref: Ref, args: Args) -> Optional[Value]:
    return Placeholder(interp.where(args.node))


def _eye(interp: Machine, ref: Ref, args: Args) -> Optional[Value]:
    k = _positive(args.get("N", 0, UNKNOWN) if "N" in args.kw else args.get("n", 0, UNKNOWN))
    m = args.get("M", 1, None) if not ref.qualname.startswith("torch") else args.get("m", 1, None)
    if m is not None and int_of(m) != k:
        return None  # a rectangular eye is not one-hot rows of K classes
    return Eye(k)


def _literal_class_ids(value: Value) -> Optional[int]:
    """max + 1 of a written list of class ids (`[0, 2, 1]`, `[[0], [2], [1]]`), or None."""
    items = value.items if isinstance(value, Seq) else ()
    ids = []
    for item in items:
        if isinstance(item, Seq) and len(item.items) == 1:
            item = item.items[0]  # one column
        n = int_of(item)
        if n is None or n < 0:
            return None
        ids.append(n)
    return max(ids) + 1 if len(ids) >= 2 else None


def _convert(interp: Machine, ref: Ref, args: Args) -> Optional[Value]:
    """np.array(y), torch.tensor(y, dtype=torch.long), tf.cast(y, tf.float32): same labels, maybe a new dtype."""
    data = first_arg(args, ("data", "value", "a", "x", "input", "ndarray"))
    source = labels_of(data)
    written = _literal_class_ids(data) if source is None and ref.qualname in T.LITERAL_ARRAYS else None
    if written is not None:
        # class ids written out: max + 1 is only a lower bound on the classes (what a head needs at least)
        source = _labels(interp, args, INTEGER, written, "class ids written out", False)
    if source is None or source.targets is None:
        return None
    if ref.qualname in T.TYPED_CONVERSIONS:
        return Tensor(UNKNOWN_HEAD, replace(source.targets, dtype_float=T.TYPED_CONVERSIONS[ref.qualname]))
    position = T.CONVERSIONS[ref.qualname]
    if args.given("dtype", position):
        dtype = _dtype_float(args.get("dtype", position, UNKNOWN), args.arg_node("dtype", position))
        return Tensor(UNKNOWN_HEAD, replace(source.targets, dtype_float=dtype))
    return source


def _split(interp: Machine, ref: Ref, args: Args) -> Optional[Value]:
    """train_test_split(X, y) -> X_train, X_test, y_train, y_test; shuffle(X, y) -> X, y."""
    if args.starred:
        return None
    copies = 1 if ref.qualname in T.SHUFFLERS else 2
    items: List[Value] = []
    for array in args.pos:
        found = labels_of(array)
        items.extend([found if found is not None else UNKNOWN] * copies)
    return Seq(tuple(items), is_list=True)


def _dataset(interp: Machine, ref: Ref, args: Args) -> Optional[Value]:
    elements = args.get("tensors", 0, UNKNOWN)
    if isinstance(elements, Seq) and len(elements.items) == 2:
        found = labels_of(elements.items[1])
        if found is not None:
            return Dataset(found)
    return None


def _tensor_dataset(interp: Machine, ref: Ref, args: Args) -> Optional[Value]:
    """`TensorDataset(X, y)`: batches of (x, y)."""
    if args.starred or len(args.pos) != 2:
        return None
    found = labels_of(args.pos[1])
    return Dataset(found) if found is not None else None


def _loader(interp: Machine, ref: Ref, args: Args) -> Optional[Value]:
    """`DataLoader(dataset, batch_size=...)` batches keep what the rows hold."""
    dataset = args.get("dataset", 0, UNKNOWN)
    return dataset if isinstance(dataset, Dataset) else None


def _batches(interp: Machine, iterable: Value) -> Optional[Value]:
    """`for xb, yb in loader:` binds one (x, y) batch."""
    if isinstance(iterable, Dataset):
        return Seq((UNKNOWN, iterable.labels), is_list=False)
    return None


def _encoder(interp: Machine, ref: Ref, args: Args) -> Optional[Value]:
    producer = T.ENCODERS[ref.qualname]
    if producer.how == "OneHotEncoder":
        if args.starred or ("drop" in args.kw and const_of(args.kw["drop"]) is not None):
            return None  # drop="first": K-1 columns, not one-hot rows
        if "dtype" in args.kw:
            producer = producer._replace(dtype_float=_dtype_float(args.kw["dtype"], args.arg_node("dtype")))
    return Encoder(producer)


def _toy_dataset(interp: Machine, ref: Ref, args: Args) -> Optional[Value]:
    """`load_iris()` (a Bunch), `load_iris(return_X_y=True)`, `make_blobs(centers=4)`: labels of a known count."""
    spec = T.SKLEARN_DATASETS[ref.qualname]
    if args.starred:
        return None
    classes = spec.classes
    if spec.classes_kw and spec.classes_kw in args.kw:
        given = args.kw[spec.classes_kw]
        classes = len(given.items) if isinstance(given, Seq) and given.items else _positive(given)
    elif spec.classes_kw and (len(args.pos) > 2 or isinstance(args.get("n_samples", 0), Seq)):
        classes = None  # old positional spellings; make_blobs([100, 200]) makes one blob per count
    name = ref.qualname.rsplit(".", 1)[-1]
    y = _labels(interp, args, spec.encoding, classes, f"{name}()", False)
    if spec.returns_bunch:
        split = const_of(args.get("return_X_y", -1, Const(False)))
        if not isinstance(split, bool):
            return None
        return Seq((UNKNOWN, y), is_list=False) if split else Bunch(y)
    extra = (UNKNOWN,) if interp.truth(args.get("return_centers", -1, Const(False))) is True else ()
    return Seq((UNKNOWN, y, *extra), is_list=False)


def _directory_labels(
    interp: Machine, args: Args, reader: T.DirectoryReader, modes: Dict[str, Encoding]
) -> Optional[Dataset]:
    """What a directory reader's class_mode / label_mode makes of the sub-directory names."""
    mode = const_of(args.get(*reader.mode, Const(reader.default_mode)))
    encoding = modes.get(mode) if isinstance(mode, str) else None
    if encoding is None:
        return None  # None, "input", "raw", "multi_output", or a mode chosen at run time
    keyword = reader.mode[0]
    how = (
        f"{reader.how}({keyword}={mode!r})"
        if args.given(*reader.mode)
        else f"{reader.how}() with its default {keyword}={mode!r}"
    )
    classes: Optional[int] = 2 if mode == T.BINARY_MODE else None
    names = args.get(*reader.class_list)
    if classes is None and isinstance(names, Seq) and names.items:
        classes = len(names.items)
    labels = Tensor(UNKNOWN_HEAD, Targets(encoding, classes, interp.where(args.node), how, encoding == ONE_HOT))
    return Dataset(labels)


def _image_data_generator(interp: Machine, ref: Ref, args: Args) -> Optional[Value]:
    return ImageGenerator()


def _dataset_from_directory(interp: Machine, ref: Ref, args: Args) -> Optional[Value]:
    """`image_dataset_from_directory(path, label_mode="categorical")`: batches of (x, labels)."""
    labels = args.get("labels", 1, Const("inferred"))
    if const_of(labels) != "inferred" or args.starred:
        return None  # labels=None, or a list of labels given by the caller
    found = _directory_labels(interp, args, T.DATASETS_FROM_DIRECTORY[ref.qualname], T.LABEL_MODES)
    if found is not None and const_of(args.get("subset", -1)) == "both":
        return Seq((found, found), is_list=False)  # (training, validation)
    return found


def _torchvision(interp: Machine, ref: Ref, args: Args) -> Optional[Value]:
    """`datasets.CIFAR10(root, train=True, transform=...)`: (image, class index) pairs."""
    if args.starred or "target_transform" in args.kw or len(args.pos) > 2:
        return None  # a target_transform makes the labels something else
    name = ref.qualname.rsplit(".", 1)[-1]
    labels = _labels(interp, args, INTEGER, T.TORCHVISION_DATASETS[ref.qualname], f"{name}()", False, False)
    return Dataset(labels)


def _random_split(interp: Machine, ref: Ref, args: Args) -> Optional[Value]:
    dataset, lengths = args.get("dataset", 0, UNKNOWN), args.get("lengths", 1, UNKNOWN)
    if not isinstance(dataset, Dataset) or not isinstance(lengths, Seq) or not lengths.items:
        return None
    return Seq(tuple(dataset for _ in lengths.items), is_list=True)


def _pass_through(interp: Machine, ref: Ref, args: Args) -> Optional[Value]:
    """`tqdm(loader)` iterates over what the loader yields."""
    iterable = args.get("iterable", 0, UNKNOWN)
    return iterable if isinstance(iterable, Dataset) else None


# ----- methods, subscripts, arithmetic ------------------------------------------------------------------
def _methods(interp: Machine, method: BoundMethod, args: Args) -> Optional[Value]:
    receiver, name = method.receiver, method.name
    if isinstance(receiver, Dataset):
        return receiver if name in T.DATASET_METHODS else UNKNOWN
    if isinstance(receiver, ImageGenerator):
        if name in T.GENERATOR_FLOWS:
            return _directory_labels(interp, args, T.GENERATOR_FLOWS[name], T.CLASS_MODES) or UNKNOWN
        found = labels_of(args.get("y", 1)) if name == "flow" else None
        return Dataset(found) if found is not None else UNKNOWN
    if isinstance(receiver, Encoder):
        return _encode(interp, receiver, name, args)
    if name == "next_batch" and isinstance(receiver, BoundMethod) and isinstance(receiver.receiver, MnistSets):
        return Seq((UNKNOWN, receiver.receiver.labels), is_list=False)
    source = labels_of(receiver)
    if source is None or source.targets is None:
        return None
    targets = source.targets
    if name == "argmax":
        return _labels(interp, args, INTEGER, targets.classes, "argmax", False)
    if name in T.FLOAT_METHODS or name in T.INT_METHODS:
        return Tensor(UNKNOWN_HEAD, replace(targets, dtype_float=name in T.FLOAT_METHODS))
    if name in ("astype", "to", "type") and args.pos:
        dtype = _dtype_float(args.pos[0], args.node.args[0] if args.node.args else None)
        if dtype is not None or name == "astype":
            return Tensor(UNKNOWN_HEAD, replace(targets, dtype_float=dtype))
        return source  # .to(device)
    if name in T.KEEPING_METHODS or (name in T.INTEGER_ONLY_METHODS and targets.encoding == INTEGER):
        return source
    return UNKNOWN  # sums, reshapes of one-hot rows...: no longer labels we can name


def _encode(interp: Machine, encoder: Encoder, name: str, args: Args) -> Value:
    if name == "fit":
        return encoder
    if name not in T.ENCODE_METHODS:
        return UNKNOWN
    producer = encoder.producer
    if producer.how == "OneHotEncoder" and not _single_column(args.arg_node("X", 0), args.get("X", 0, UNKNOWN)):
        return UNKNOWN  # several columns: concatenated one-hot blocks
    # named by the encoder class: `lb.fit_transform(y)` does not say what lb is
    return _labels(
        interp,
        args,
        producer.encoding,
        None,
        f"{producer.how}.{name}",
        producer.dtype_float,
        False,
        binary_as_one_column=producer.binary_as_one_column,
    )


def _subscript(interp: Machine, owner: Value, index: Value, node: ast.Subscript) -> Optional[Value]:
    if isinstance(owner, Bunch):
        return owner.labels if const_of(index) == T.BUNCH_TARGET else UNKNOWN
    if isinstance(owner, Eye):
        at = interp.where(node)
        source = interp.source(node)
        how = source if source and len(source) <= MAX_HOW else "np.eye(K)[y]"
        return Tensor(UNKNOWN_HEAD, Targets(ONE_HOT, owner.classes, at, how, True))
    found = labels_of(owner)
    if found is None:
        return None
    key = node.slice
    if isinstance(key, ast.Slice):
        if found.targets is not None and found.targets.encoding == INTEGER and found.targets.classes is not None:
            # y[:100] of a dataset sorted by class (iris) holds fewer classes: indices lose their count
            return Tensor(UNKNOWN_HEAD, replace(found.targets, classes=None))
        return found  # y[:1000], Y[start:start + BATCH]
    if isinstance(key, (ast.Tuple, ast.Constant, ast.UnaryOp)) or found.targets is None:
        return UNKNOWN  # a column or a single item: no longer rows of labels
    # index arrays and masks keep the rows; y[y < 5] may drop classes, so class indices lose their count
    if found.targets.encoding == INTEGER and found.targets.classes is not None:
        return Tensor(UNKNOWN_HEAD, replace(found.targets, classes=None))
    return found


def _arithmetic(interp: Machine, op: ast.operator, left: Value, right: Value) -> Optional[Value]:
    """Mixup, label smoothing, scaling: arithmetic on labels leaves soft targets we do not name."""
    if labels_of(left) is not None or labels_of(right) is not None:
        return UNKNOWN
    return None


def _observe_feed(interp: Machine, args: Args) -> None:
    """`sess.run(op, feed_dict={y_: batch_ys})`, `op.run(feed_dict=...)`: what each placeholder is fed."""
    feed = args.kw.get("feed_dict")
    if isinstance(feed, DictVal):
        for key, value in feed.items:
            if isinstance(key, Placeholder):
                key.feeds.append((targets_of(value), interp.where(args.node)))


ADAPTER = Adapter(
    name="labels",
    calls={
        **for_names(_produce, T.PRODUCERS),
        **for_names(_randint, T.RANDINT),
        **for_names(_load_data, T.DATASET_CLASSES),
        **for_names(_read_data_sets, T.READ_DATA_SETS),
        **for_names(_placeholder, T.PLACEHOLDERS),
        **for_names(_eye, EYES),
        **for_names(_convert, T.CONVERSIONS, T.TYPED_CONVERSIONS),
        **for_names(_split, T.SPLITTERS, T.SHUFFLERS),
        **for_names(_dataset, T.DATASET_CONSTRUCTORS),
        **for_names(_encoder, T.ENCODERS),
        T.GET_DUMMIES: _get_dummies,
        T.TENSOR_DATASET: _tensor_dataset,
        T.DATA_LOADER: _loader,
        **for_names(_toy_dataset, T.SKLEARN_DATASETS),
        T.IMAGE_DATA_GENERATOR: _image_data_generator,
        **for_names(_dataset_from_directory, T.DATASETS_FROM_DIRECTORY),
        **for_names(_torchvision, T.TORCHVISION_DATASETS),
        T.RANDOM_SPLIT: _random_split,
        **for_names(_pass_through, T.PASS_THROUGH_ITERABLES),
    },
    methods=(_methods,),
    subscripts=(_subscript,),
    binops=(_arithmetic,),
    elements=(_batches,),
    call_observers=(_observe_feed,),
)
