package dev.statecraft.sqlite.crash;

import dev.statecraft.store.CommandRecord;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Holds every acknowledgement of a run against what the store kept after each kill.
 *
 * <p>An acknowledged command must be stored with exactly the versions it was acknowledged with, and every
 * acknowledgement of one command id must agree (a retry applied twice would be acknowledged with other
 * versions). Under the durable policy nothing acknowledged may be missing. Under the buffered policy an
 * acknowledged command may be missing only if it is part of its game's newest tail (nothing at or after
 * its first version was stored) and was acknowledged at most {@code lossWindowMillis} before the kill.
 * Once a command has been seen in the store it must stay there through every later kill.
 */
final class AckLedger {
    private static final int MAX_PROBLEMS_LISTED = 40;

    private final CrashGame game;
    private final long lossWindowMillis;
    private final Map<Ack.Key, CommandRecord> stored = new HashMap<>();
    private long lostTotal;
    private long worstLostLagMillis = -1;

    /** What one cycle's acknowledgements came to. */
    record CycleCheck(int acknowledged, int lost, long worstLostLagMillis, List<String> problems) {
    }

    AckLedger(CrashGame game, long lossWindowMillis) {
        this.game = game;
        this.lossWindowMillis = lossWindowMillis;
    }

    CycleCheck check(List<Ack> acks, long killedAtMillis, StoreAudit.Result audit) {
        List<String> problems = new ArrayList<>();
        Map<Ack.Key, Ack> byKey = new LinkedHashMap<>();
        for (Ack ack : acks) {
            Ack first = byKey.putIfAbsent(ack.key(), ack);
            if (first != null && (first.version() != ack.version() || first.eventCount() != ack.eventCount())) {
                problems.add("command " + ack.key() + " was acknowledged as versions " + first.firstVersion() + ".." + first.version()
                        + " and again as " + ack.firstVersion() + ".." + ack.version() + " (" + ack.kind() + "): applied twice");
            }
        }
        int lost = 0;
        long worstLag = -1;
        for (Ack ack : byKey.values()) {
            Optional<CommandRecord> record = audit.command(ack.key());
            CommandRecord before = stored.get(ack.key());
            if (before != null && (before.firstVersion() != ack.firstVersion() || before.lastVersion() != ack.version())) {
                problems.add("command " + ack.key() + " was stored as versions " + before.firstVersion() + ".." + before.lastVersion()
                        + " but acknowledged again as " + ack.firstVersion() + ".." + ack.version() + " (" + ack.kind() + ")");
            }
            if (record.isPresent()) {
                CommandRecord r = record.get();
                if (r.firstVersion() != ack.firstVersion() || r.lastVersion() != ack.version()) {
                    problems.add("command " + ack.key() + " was acknowledged as versions " + ack.firstVersion() + ".." + ack.version()
                            + " but is stored as " + r.firstVersion() + ".." + r.lastVersion());
                }
                stored.put(ack.key(), r);
                continue;
            }
            long lag = killedAtMillis - ack.ackedAtMillis();
            long last = audit.lastVersion(ack.gameId());
            if (!audit.games().containsKey(ack.gameId())) {
                problems.add("command " + ack.key() + " was acknowledged, but its game is not in the store at all");
            } else if (game == CrashGame.DURABLE) {
                problems.add("command " + ack.key() + " was acknowledged durably as versions " + ack.firstVersion() + ".." + ack.version()
                        + ", " + lag + " ms before the kill, and is not in the store (the game ends at version " + last + ")");
            } else if (last >= ack.firstVersion()) {
                problems.add("command " + ack.key() + " (versions " + ack.firstVersion() + ".." + ack.version() + ") is missing but the game "
                        + "has version " + last + ": a gap, not a lost tail");
            } else if (lag > lossWindowMillis) {
                problems.add("command " + ack.key() + " (versions " + ack.firstVersion() + ".." + ack.version() + ") was acknowledged " + lag
                        + " ms before the kill and lost; the buffered policy may lose at most " + lossWindowMillis + " ms");
            } else {
                lost++;
                worstLag = Math.max(worstLag, lag);
            }
        }
        for (Map.Entry<Ack.Key, CommandRecord> kept : stored.entrySet()) {
            Optional<CommandRecord> now = audit.command(kept.getKey());
            if (now.isEmpty() || !now.get().equals(kept.getValue())) {
                problems.add("command " + kept.getKey() + " was stored as versions " + kept.getValue().firstVersion() + ".."
                        + kept.getValue().lastVersion() + " after an earlier kill, and is now " + now.map(r -> r.firstVersion() + ".." + r.lastVersion()).orElse("gone"));
            }
        }
        lostTotal += lost;
        worstLostLagMillis = Math.max(worstLostLagMillis, worstLag);
        List<String> listed = problems.size() <= MAX_PROBLEMS_LISTED ? problems
                : append(problems.subList(0, MAX_PROBLEMS_LISTED), "... and " + (problems.size() - MAX_PROBLEMS_LISTED) + " more problems");
        return new CycleCheck(byKey.size(), lost, worstLag, listed);
    }

    /** Acknowledged commands the buffered policy lost in the run so far (always 0 for durable). */
    long lostTotal() {
        return lostTotal;
    }

    /** The longest time between acknowledging a command that was lost and the kill, -1 if none was lost. */
    long worstLostLagMillis() {
        return worstLostLagMillis;
    }

    /** Commands verified in the store, which every later kill must leave in place. */
    int storedCount() {
        return stored.size();
    }

    /** Forgets everything: the run moved on to a fresh database file. */
    void reset() {
        stored.clear();
    }

    private static List<String> append(List<String> list, String line) {
        List<String> more = new ArrayList<>(list);
        more.add(line);
        return more;
    }
}
