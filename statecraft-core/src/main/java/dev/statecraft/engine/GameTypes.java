package dev.statecraft.engine;

import dev.statecraft.rules.GameType;
import dev.statecraft.store.GameRecord;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The game types an engine was built with, by name, in the order they were registered. */
final class GameTypes {
    private final Map<String, GameType<?, ?, ?, ?>> byName = new LinkedHashMap<>();

    GameTypes(List<GameType<?, ?, ?, ?>> types) {
        types.forEach(type -> byName.put(type.name(), type));
    }

    Optional<GameType<?, ?, ?, ?>> find(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    List<GameType<?, ?, ?, ?>> all() {
        return List.copyOf(byName.values());
    }

    /** True if {@code type} itself, not just a type of the same name, was registered. */
    boolean isRegistered(GameType<?, ?, ?, ?> type) {
        return byName.get(type.name()) == type;
    }

    /** The names, comma-separated, for error messages. */
    String names() {
        return String.join(", ", byName.keySet());
    }

    GameType<?, ?, ?, ?> of(GameRecord record) {
        return of(record.gameId(), record.gameType());
    }

    /** The type of game {@code gameId}, recorded as {@code typeName}. */
    GameType<?, ?, ?, ?> of(String gameId, String typeName) {
        GameType<?, ?, ?, ?> type = byName.get(typeName);
        if (type == null) {
            throw new UnknownGameTypeException("game " + gameId + " is of type '" + typeName
                    + "', which is not registered with this engine (registered: " + names() + ")");
        }
        return type;
    }
}
