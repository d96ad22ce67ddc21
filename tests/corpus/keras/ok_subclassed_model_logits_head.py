"""Subclassed CIFAR-100 classifier; the head built in __init__ is Dense(num_classes)
without activation, trained with SparseCategoricalCrossentropy(from_logits=True).

CORRECT: logits into a logits loss.
"""
import tensorflow as tf
from tensorflow import keras
from tensorflow.keras import layers


class SmallResNet(keras.Model):
    def __init__(self, num_classes=100):
        super().__init__()
        self.conv1 = layers.Conv2D(64, 3, padding="same", activation="relu")
        self.conv2 = layers.Conv2D(64, 3, padding="same")
        self.bn = layers.BatchNormalization()
        self.pool = layers.GlobalAveragePooling2D()
        self.classifier = layers.Dense(num_classes)

    def call(self, inputs, training=False):
        x = self.conv1(inputs)
        x = x + self.bn(self.conv2(x), training=training)
        x = tf.nn.relu(x)
        x = self.pool(x)
        return self.classifier(x)


(x_train, y_train), (x_test, y_test) = keras.datasets.cifar100.load_data()
x_train, x_test = x_train / 255.0, x_test / 255.0

model = SmallResNet()
model.compile(
    optimizer=keras.optimizers.SGD(0.1, momentum=0.9),
    loss=keras.losses.SparseCategoricalCrossentropy(from_logits=True),
    metrics=["accuracy"],
)
model.fit(x_train, y_train, epochs=30, batch_size=128, validation_data=(x_test, y_test))
