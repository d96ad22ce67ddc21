import numpy as np
from tensorflow import keras

from models import build_mlp
from utils import compile_and_fit


def vectorize(sequences, dim=10000):
    out = np.zeros((len(sequences), dim))
    for i, seq in enumerate(sequences):
        out[i, seq] = 1.0
    return out


(train_data, train_labels), _ = keras.datasets.reuters.load_data(num_words=10000)
x_train = vectorize(train_data)
y_train = keras.utils.to_categorical(train_labels)
model = build_mlp()
compile_and_fit(model, x_train, y_train)
