package dev.statecraft.server;

import java.time.Instant;
import java.util.Objects;

/** Who a verified token speaks for: a player id (the token's subject), its role, and when the token expires. */
public record Principal(String playerId, Role role, Instant expiresAt) {
    public static final int MAX_PLAYER_ID_LENGTH = 63;

    public enum Role {
        PLAYER, ADMIN;

        /** The role's name in a token's {@code role} claim. */
        public String claim() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    public Principal {
        Objects.requireNonNull(playerId, "playerId");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(expiresAt, "expiresAt");
        if (playerId.isBlank() || playerId.length() > MAX_PLAYER_ID_LENGTH) {
            throw new IllegalArgumentException("a player id has 1 to " + MAX_PLAYER_ID_LENGTH + " characters, not blank (was " + playerId.length() + ")");
        }
    }

    public boolean isAdmin() {
        return role == Role.ADMIN;
    }
}
