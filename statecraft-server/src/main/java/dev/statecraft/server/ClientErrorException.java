package dev.statecraft.server;

/** Carries a {@link ClientError} from where a request is found wrong to the one place that replies. */
public class ClientErrorException extends ServerException {
    private final ClientError error;

    public ClientErrorException(ClientError error) {
        super(error.code() + ": " + error.message());
        this.error = error;
    }

    public ClientError error() {
        return error;
    }
}
