package dev.statecraft.engine;

/**
 * Receives one seat's view after every version of a game, in order, on the subscription's own thread.
 * A slow listener only delays itself; past {@link EngineOptions#subscriberQueueLimit()} pending
 * updates its subscription ends with {@link SubscriptionEnd#OVERFLOW}, and the client resumes.
 */
public interface UpdateListener {

    void onUpdate(Versioned<Object> update);

    /** Called once when the subscription ends; nothing is delivered after it. */
    default void onEnd(SubscriptionEnd reason) {
    }
}
