package dev.statecraft.server;

/** Finds the token of a request (the Authorization header, or a WebSocket's {@code token} parameter) and verifies it. */
final class Authenticator {
    private static final String BEARER = "Bearer ";

    private final TokenAuthority tokens;

    Authenticator(TokenAuthority tokens) {
        this.tokens = tokens;
    }

    /** @throws ClientErrorException {@code unauthorized}, saying why, when the token is missing or not valid */
    Principal authenticate(String authorizationHeader, String tokenParameter) {
        String token;
        if (authorizationHeader != null) {
            if (!authorizationHeader.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
                throw ClientError.refuse(ClientError.UNAUTHORIZED, "the Authorization header must be 'Bearer <token>'");
            }
            token = authorizationHeader.substring(BEARER.length()).trim();
        } else {
            token = tokenParameter;
        }
        try {
            return tokens.verify(token);
        } catch (AuthenticationException e) {
            throw ClientError.refuse(ClientError.UNAUTHORIZED, e.getMessage());
        }
    }

    Principal authenticateAdmin(String authorizationHeader) {
        Principal principal = authenticate(authorizationHeader, null);
        if (!principal.isAdmin()) {
            throw ClientError.refuse(ClientError.FORBIDDEN, "operator endpoints need a token with role 'admin'; "
                    + principal.playerId() + " has role '" + principal.role().claim() + "'");
        }
        return principal;
    }
}
