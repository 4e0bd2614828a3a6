package dev.statecraft.server;

/**
 * A token bucket for one connection: {@code burst} messages at once, then {@code perSecond}. Called
 * only from the connection's own message thread.
 */
final class MessageRate {
    private static final long NANOS_PER_SECOND = 1_000_000_000L;

    private final double perNano;
    private final double burst;
    private double tokens;
    private long lastRefill;

    MessageRate(int perSecond, int burst, long nowNanos) {
        this.perNano = (double) perSecond / NANOS_PER_SECOND;
        this.burst = burst;
        this.tokens = burst;
        this.lastRefill = nowNanos;
    }

    /** True if one more message fits now; takes its token. */
    boolean tryAcquire(long nowNanos) {
        tokens = Math.min(burst, tokens + (nowNanos - lastRefill) * perNano);
        lastRefill = nowNanos;
        if (tokens >= 1) {
            tokens -= 1;
            return true;
        }
        return false;
    }
}
