package dev.statecraft.store;

/** A durable home for games: the four parts a store provides, composed. */
public interface Store extends AutoCloseable {

    GameCatalog games();

    EventLog events();

    SnapshotStore snapshots();

    Archive archive();

    /**
     * Registers {@code game}'s record and appends its history in one write: afterwards the game is at the
     * history's last version with every command id recorded, or, if anything failed, nothing of it is
     * stored.
     *
     * @throws GameAlreadyExistsException if a game with its id is active or archived
     */
    void importGame(GameImport game);

    /** A short description for logs, such as "sqlite:data/statecraft.db". */
    String describe();

    @Override
    void close();
}
