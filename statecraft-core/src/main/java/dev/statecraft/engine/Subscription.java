package dev.statecraft.engine;

import dev.statecraft.rules.Seat;

/** A live feed of one seat's view of one game. */
public interface Subscription extends AutoCloseable {

    String gameId();

    Seat seat();

    /** The version of the last update the listener received; -1 before the first. */
    long lastDeliveredVersion();

    boolean isActive();

    @Override
    void close();
}
