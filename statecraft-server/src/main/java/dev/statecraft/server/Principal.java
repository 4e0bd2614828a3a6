package dev.statecraft.server;

import java.time.Instant;
import java.util.Objects;

/** Who a verified token speaks for: a player id (the token's subject), its role, and when the token expires. */
public record Principal(String playerId, Role role, Instant expiresAt) {

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
    }

    public boolean isAdmin() {
        return role == Role.ADMIN;
    }
}
