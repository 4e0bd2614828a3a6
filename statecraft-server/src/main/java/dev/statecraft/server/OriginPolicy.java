package dev.statecraft.server;

import java.net.URI;
import java.util.Locale;
import java.util.Set;

/**
 * Which browser pages may open a WebSocket: the server's own pages, and the configured Origins. A
 * handshake without an Origin header comes from a client that is not a browser and is allowed; the
 * token still has to be valid.
 */
final class OriginPolicy {
    private final Set<String> allowed;

    OriginPolicy(Set<String> allowedOrigins) {
        this.allowed = allowedOrigins.stream().map(OriginPolicy::normalize).collect(java.util.stream.Collectors.toUnmodifiableSet());
    }

    boolean allows(String origin, String host) {
        if (origin == null) {
            return true;
        }
        String normalized = normalize(origin);
        return allowed.contains(normalized) || isSameOrigin(normalized, host);
    }

    private static boolean isSameOrigin(String origin, String host) {
        if (host == null) {
            return false;
        }
        try {
            URI uri = URI.create(origin);
            String authority = uri.getPort() < 0 ? uri.getHost() : uri.getHost() + ":" + uri.getPort();
            return authority != null && authority.equalsIgnoreCase(host);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static String normalize(String origin) {
        String trimmed = origin.trim().toLowerCase(Locale.ROOT);
        return trimmed.endsWith("/") ? trimmed.substring(0, trimmed.length() - 1) : trimmed;
    }
}
