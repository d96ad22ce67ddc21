"""Small transformer text classifier (4 classes). MultiHeadAttention applies a softmax
internally over attention scores; the head is a linear Dense(4).

CORRECT: the attention softmax is not the head; Dense(4) logits with
SparseCategoricalCrossentropy(from_logits=True).
"""
import numpy as np
import keras
from keras import layers

MAXLEN = 64
VOCAB = 10000
EMBED = 64
NUM_CLASSES = 4


class TransformerBlock(layers.Layer):
    def __init__(self, embed_dim, num_heads, ff_dim, rate=0.1):
        super().__init__()
        self.att = layers.MultiHeadAttention(num_heads=num_heads, key_dim=embed_dim)
        self.ffn = keras.Sequential([layers.Dense(ff_dim, activation="relu"), layers.Dense(embed_dim)])
        self.norm1 = layers.LayerNormalization(epsilon=1e-6)
        self.norm2 = layers.LayerNormalization(epsilon=1e-6)
        self.drop1 = layers.Dropout(rate)
        self.drop2 = layers.Dropout(rate)

    def call(self, inputs, training=False):
        attn = self.att(inputs, inputs)
        out1 = self.norm1(inputs + self.drop1(attn, training=training))
        return self.norm2(out1 + self.drop2(self.ffn(out1), training=training))


inputs = keras.Input(shape=(MAXLEN,))
x = layers.Embedding(VOCAB, EMBED)(inputs)
x = TransformerBlock(EMBED, 2, 128)(x)
x = layers.GlobalAveragePooling1D()(x)
x = layers.Dropout(0.1)(x)
outputs = layers.Dense(NUM_CLASSES)(x)
model = keras.Model(inputs=inputs, outputs=outputs)

model.compile(
    optimizer="adam",
    loss=keras.losses.SparseCategoricalCrossentropy(from_logits=True),
    metrics=["accuracy"],
)
x_train = np.random.randint(0, VOCAB, size=(2000, MAXLEN))
y_train = np.random.randint(0, NUM_CLASSES, size=(2000,))
model.fit(x_train, y_train, batch_size=32, epochs=2)
