package dev.statecraft.rules;

import java.util.Objects;

/** Who sends a command: a player, or the host application itself (timers, scripts, game masters). */
public sealed interface Actor {

    record Player(String id) implements Actor {
        public Player {
            Objects.requireNonNull(id, "id");
            if (id.isBlank()) {
                throw new IllegalArgumentException("player id must not be blank");
            }
        }
    }

    /** The application hosting the engine; rules decide what it may do. */
    record Host() implements Actor {
    }

    static Actor player(String id) {
        return new Player(id);
    }

    static Actor host() {
        return new Host();
    }

    /** True when this actor is the player {@code playerId}. */
    default boolean isPlayer(String playerId) {
        return this instanceof Player p && p.id().equals(playerId);
    }
}
