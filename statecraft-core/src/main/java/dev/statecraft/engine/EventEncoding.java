package dev.statecraft.engine;

import dev.statecraft.codec.CodecException;
import dev.statecraft.codec.JsonCodec;
import dev.statecraft.rules.GameType;
import dev.statecraft.store.NewEvent;
import dev.statecraft.store.StoredEvent;

/** Turns a game type's events into stored rows and back, checking names and schema versions. */
final class EventEncoding {
    private static final JsonCodec JSON = JsonCodec.json();

    private EventEncoding() {
    }

    static NewEvent encode(GameType<?, ?, ?, ?> type, Object event) {
        return new NewEvent(type.events().nameOf(event), type.eventSchemaVersion(event.getClass()), JSON.write(event));
    }

    static Object decode(GameType<?, ?, ?, ?> type, StoredEvent stored) {
        Class<?> eventClass = type.events().byName(stored.type()).orElseThrow(() -> new CodecException(
                "game " + stored.gameId() + " version " + stored.version() + ": '" + stored.type() + "' is not an event of game type "
                        + type.name() + " (known: " + String.join(", ", type.events().names()) + ")", null));
        int current = type.eventSchemaVersion(eventClass);
        if (stored.schemaVersion() != current) {
            throw new CodecException("game " + stored.gameId() + " version " + stored.version() + ": " + stored.type()
                    + " was written with schema version " + stored.schemaVersion() + " but game type " + type.name()
                    + " reads version " + current + " and has no upcaster for it", null);
        }
        return JSON.read(stored.payload(), eventClass);
    }
}
