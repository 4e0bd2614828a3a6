package dev.statecraft.engine;

/** Why a subscription stopped delivering. */
public enum SubscriptionEnd {
    /** {@link Subscription#close()} was called. */
    CLOSED,
    /** The listener fell too far behind; resume from {@link Subscription#lastDeliveredVersion()}. */
    OVERFLOW,
    /** The listener threw, or the view could not be computed. */
    FAILED,
    /** The engine was closed. */
    ENGINE_CLOSED,
    /** The game was archived; it has no more versions. */
    ARCHIVED
}
