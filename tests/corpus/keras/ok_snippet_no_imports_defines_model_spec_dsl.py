# Model-spec DSL of an AutoML service (no imports: the classes only record a JSON spec). The service
# maps "softmax" on one unit to a sigmoid itself. It mimics the Keras API, but it is not Keras.


class Dense:
    def __init__(self, units, activation=None):
        self.spec = {"type": "dense", "units": units, "activation": activation}


class Sequential:
    def __init__(self):
        self.layers = []
        self.loss = None

    def add(self, layer):
        self.layers.append(layer.spec)

    def compile(self, loss):
        self.loss = loss

    def to_json(self):
        return {"layers": self.layers, "loss": self.loss}


model = Sequential()
model.add(Dense(32, activation="relu"))
model.add(Dense(1, activation="softmax"))
model.compile(loss="binary_crossentropy")
print(model.to_json())
