"""Keras models for the news-topic project (46 topics, exclusive)."""
from tensorflow import keras
from tensorflow.keras import layers


def build_mlp(vocab_size=10000, num_topics=46):
    model = keras.Sequential([
        layers.Input(shape=(vocab_size,)),
        layers.Dense(512, activation="relu"),
        layers.Dropout(0.5),
        layers.Dense(num_topics, activation="softmax"),
    ])
    return model
