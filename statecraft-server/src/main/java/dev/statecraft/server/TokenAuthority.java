package dev.statecraft.server;

import dev.statecraft.codec.JsonCodec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * Issues and verifies JSON Web Tokens signed with one HMAC-SHA256 secret. The algorithm is pinned: a
 * token whose header names any other algorithm, {@code none} included, is refused before its signature
 * is looked at. Every token must carry a subject (the player id) and an expiry; {@code role} is
 * {@code player} unless it says {@code admin}.
 */
public final class TokenAuthority {
    public static final int MIN_SECRET_BYTES = 32;
    private static final String ALGORITHM = "HS256";
    private static final int MAX_TOKEN_CHARS = 4096;
    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder BASE64URL_DECODER = Base64.getUrlDecoder();
    private static final JsonCodec JSON = JsonCodec.json();

    private final SecretKeySpec key;
    private final Clock clock;

    private TokenAuthority(byte[] secret, Clock clock) {
        if (secret.length < MIN_SECRET_BYTES) {
            throw new IllegalArgumentException("the token secret must be at least " + MIN_SECRET_BYTES + " bytes (was " + secret.length + ")");
        }
        this.key = new SecretKeySpec(secret.clone(), "HmacSHA256");
        this.clock = clock;
    }

    public static TokenAuthority withSecret(byte[] secret) {
        return new TokenAuthority(secret, Clock.systemUTC());
    }

    public static TokenAuthority withSecret(byte[] secret, Clock clock) {
        return new TokenAuthority(secret, clock);
    }

    /** An authority with a random secret, for dev mode: its tokens are worthless once the server stops. */
    public static TokenAuthority withRandomSecret() {
        byte[] secret = new byte[MIN_SECRET_BYTES];
        new SecureRandom().nextBytes(secret);
        return new TokenAuthority(secret, Clock.systemUTC());
    }

    public String issue(String playerId, Principal.Role role, Duration validFor) {
        if (playerId == null || playerId.isBlank() || playerId.length() > Principal.MAX_PLAYER_ID_LENGTH) {
            throw new IllegalArgumentException("a token needs a player id of 1 to " + Principal.MAX_PLAYER_ID_LENGTH + " characters");
        }
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("sub", playerId);
        claims.put("role", role.claim());
        claims.put("exp", clock.instant().plus(validFor).getEpochSecond());
        return sign(Map.of("alg", ALGORITHM, "typ", "JWT"), claims);
    }

    /** Signs any header and claims as given; tests use it to forge the tokens a careless client might send. */
    String sign(Map<String, ?> header, Map<String, ?> claims) {
        String signingInput = encode(JSON.write(header)) + "." + encode(JSON.write(claims));
        return signingInput + "." + encode(mac(signingInput));
    }

    public Principal verify(String token) {
        if (token == null || token.isBlank()) {
            throw new AuthenticationException("a token is required");
        }
        if (token.length() > MAX_TOKEN_CHARS) {
            throw new AuthenticationException("the token is longer than " + MAX_TOKEN_CHARS + " characters");
        }
        String[] parts = token.split("\\.", -1);
        if (parts.length != 3) {
            throw new AuthenticationException("a token has three dot-separated parts (found " + parts.length + ")");
        }
        JsonNode header = decodeJson(parts[0], "header");
        String algorithm = header.path("alg").asString("");
        if (!ALGORITHM.equals(algorithm)) {
            throw new AuthenticationException("the token's algorithm must be " + ALGORITHM + " (was '" + algorithm + "')");
        }
        byte[] signature = decode(parts[2], "signature");
        if (!MessageDigest.isEqual(signature, mac(parts[0] + "." + parts[1]))) {
            throw new AuthenticationException("the token's signature does not match");
        }
        JsonNode claims = decodeJson(parts[1], "claims");
        String subject = claims.path("sub").asString("");
        if (subject.isBlank()) {
            throw new AuthenticationException("the token has no subject (sub)");
        }
        if (subject.length() > Principal.MAX_PLAYER_ID_LENGTH) {
            throw new AuthenticationException("the token's subject is longer than " + Principal.MAX_PLAYER_ID_LENGTH + " characters");
        }
        if (!claims.path("exp").isIntegralNumber()) {
            throw new AuthenticationException("the token has no expiry (exp)");
        }
        Instant expiresAt = Instant.ofEpochSecond(claims.path("exp").asLong());
        if (!clock.instant().isBefore(expiresAt)) {
            throw new AuthenticationException("the token expired at " + expiresAt);
        }
        String role = claims.path("role").asString(Principal.Role.PLAYER.claim());
        return switch (role) {
            case "player" -> new Principal(subject, Principal.Role.PLAYER, expiresAt);
            case "admin" -> new Principal(subject, Principal.Role.ADMIN, expiresAt);
            default -> throw new AuthenticationException("the token's role must be 'player' or 'admin' (was '" + role + "')");
        };
    }

    private byte[] mac(String signingInput) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac.doFinal(signingInput.getBytes(StandardCharsets.US_ASCII));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    private static String encode(byte[] bytes) {
        return BASE64URL.encodeToString(bytes);
    }

    private static byte[] decode(String part, String what) {
        try {
            return BASE64URL_DECODER.decode(part);
        } catch (IllegalArgumentException e) {
            throw new AuthenticationException("the token's " + what + " is not base64url");
        }
    }

    private static JsonNode decodeJson(String part, String what) {
        try {
            JsonNode node = JSON.mapper().readTree(decode(part, what));
            if (!node.isObject()) {
                throw new AuthenticationException("the token's " + what + " is not a JSON object");
            }
            return node;
        } catch (JacksonException e) {
            throw new AuthenticationException("the token's " + what + " is not JSON");
        }
    }
}
