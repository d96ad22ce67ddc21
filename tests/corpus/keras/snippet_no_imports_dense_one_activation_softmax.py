# Pasted from a Q&A question: "my accuracy is stuck at 50%, loss doesn't change". The asker left the
# imports out of the snippet.
#
# BUG (CE201): Dense(1) followed by Activation('softmax') always outputs 1.0.

model = Sequential()
model.add(Dense(64, input_dim=X_train.shape[1]))
model.add(Activation('relu'))
model.add(Dropout(0.5))
model.add(Dense(1))
model.add(Activation('softmax'))  # error: CE201

model.compile(loss='binary_crossentropy', optimizer='rmsprop', metrics=['accuracy'])
model.fit(X_train, y_train, batch_size=32, epochs=20, validation_data=(X_test, y_test))
