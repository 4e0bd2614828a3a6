package dev.statecraft.store;

/** A durable home for games: the four parts a store provides, composed. */
public interface Store extends AutoCloseable {

    GameCatalog games();

    EventLog events();

    SnapshotStore snapshots();

    Archive archive();

    /** A short description for logs, such as "sqlite:data/statecraft.db". */
    String describe();

    @Override
    void close();
}
