package dev.statecraft.rules;

import java.util.Objects;

/** Whom a view is for: one player's seat, or a spectator who sees only what is public. */
public sealed interface Seat {

    record Player(String id) implements Seat {
        public Player {
            Objects.requireNonNull(id, "id");
            if (id.isBlank()) {
                throw new IllegalArgumentException("player id must not be blank");
            }
        }
    }

    record Spectator() implements Seat {
    }

    static Seat player(String id) {
        return new Player(id);
    }

    static Seat spectator() {
        return new Spectator();
    }
}
