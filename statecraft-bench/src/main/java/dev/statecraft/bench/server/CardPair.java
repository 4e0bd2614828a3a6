package dev.statecraft.bench.server;

import dev.statecraft.bench.server.ServerMessage.CardFace;
import dev.statecraft.bench.server.ServerMessage.SeatView;
import dev.statecraft.codec.JsonCodec;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import tools.jackson.databind.node.ObjectNode;

/**
 * Two players on two connections playing card matches one after another over the protocol, as
 * {@code CardTable} in the server's tests does: one creates the match, both join its views, both send
 * {@code Join}, then the player whose turn it is moves, chosen from that player's own view only.
 *
 * <p>One command is in flight at a time. It is complete when its {@code accepted} reply and the views of
 * the version it produced have arrived on both connections; its latency is the time from sending it to
 * the arrival of that view on the other player's connection: the broadcast.
 */
final class CardPair {
    private static final JsonCodec JSON = JsonCodec.json();
    private static final int MAX_MOVES = 500;
    private static final int NONE = -1;

    private enum Stage { CREATING, JOINING_FIRST, JOINING_SECOND, SEATING, PLAYING, WAITING_FOR_SLOT, IDLE, LOST }

    private final LoadRun run;
    private final String name;
    private final SplittableRandom random;
    private final PlayerSocket[] sockets = new PlayerSocket[2];
    private final String[] players = new String[2];

    private Stage stage = Stage.IDLE;
    private String gameId = "";
    private int matches;
    private int commands;
    private int moves;
    private int joinsAccepted;

    private int mover = NONE;
    private long sentAt;
    private long acceptedVersion = NONE;
    private boolean latencyRecorded;
    private final long[] viewVersion = {NONE, NONE};
    private final long[] viewArrival = new long[2];
    private final SeatView[] view = new SeatView[2];
    private final boolean[] ended = new boolean[2];

    private int paceEpoch;
    private long nextSlot;

    CardPair(LoadRun run, String name, String firstPlayer, String secondPlayer, long seed) {
        this.run = run;
        this.name = name;
        this.players[0] = firstPlayer;
        this.players[1] = secondPlayer;
        this.random = new SplittableRandom(seed);
        this.sockets[0] = new PlayerSocket(run, this, 0);
        this.sockets[1] = new PlayerSocket(run, this, 1);
    }

    String name() {
        return name;
    }

    String player(int seat) {
        return players[seat];
    }

    PlayerSocket socket(int seat) {
        return sockets[seat];
    }

    /** Starts the first match; with the pace at hold, the pair stops once both players are seated. */
    synchronized void start() {
        createMatch();
    }

    /** Moves on from hold, or from idle after a stop. */
    synchronized void proceed() {
        if (stage == Stage.IDLE && mover == NONE) {
            stage = Stage.PLAYING;
            next();
        }
    }

    synchronized boolean isIdle() {
        return stage == Stage.IDLE || stage == Stage.LOST;
    }

    /** Where a pair that is not idle waits, for the report: its stage, the command in flight and the versions seen. */
    synchronized String describe() {
        return name + " " + gameId + ": stage " + stage + ", mover " + mover + ", accepted version " + acceptedVersion
                + ", views at " + viewVersion[0] + "/" + viewVersion[1] + ", ended " + ended[0] + "/" + ended[1];
    }

    synchronized void lost() {
        stage = Stage.LOST;
    }

    /** A message from the server that could not be read: it ends the match like an error. */
    synchronized void unreadable(int seat, String text, String why) {
        if (stage != Stage.LOST) {
            failed("unreadable-message", "seat " + seat + ", " + why + ": " + text);
        }
    }

    /** One message from the server, and its text for the report of a failure. */
    synchronized void received(int seat, ServerMessage message, String text, long arrival) {
        if (stage == Stage.LOST) {
            return;
        }
        String type = message.type();
        if (type.equals("error")) {
            // An error may name no game (a message refused before it reached one): it always ends the match.
            failed(message.code().isEmpty() ? "error" : message.code(), text);
            return;
        }
        if (!message.gameId().equals(gameId)) {
            return;
        }
        switch (type) {
            case "created" -> expect(Stage.CREATING, Stage.JOINING_FIRST, () -> subscribe(0));
            case "joined" -> {
                if (stage == Stage.JOINING_FIRST) {
                    expect(Stage.JOINING_FIRST, Stage.JOINING_SECOND, () -> subscribe(1));
                } else {
                    expect(Stage.JOINING_SECOND, Stage.SEATING, () -> command(0, "Join", JSON.mapper().createObjectNode(), NONE));
                }
            }
            case "view" -> {
                viewVersion[seat] = message.version();
                viewArrival[seat] = arrival;
                view[seat] = message.view();
                progress();
            }
            case "accepted" -> {
                run.accepted.increment();
                acceptedVersion = message.version();
                progress();
            }
            case "ended" -> {
                if (!message.reason().equals("archived")) {
                    failed("ended-" + message.reason(), text);
                    return;
                }
                ended[seat] = true;
                progress();
            }
            case "rejected" -> failed("rejected-" + message.code(), text);
            default -> failed("unexpected-message", text);
        }
    }

    private void expect(Stage expected, Stage then, Runnable action) {
        if (stage != expected) {
            failed("out-of-order", "in stage " + stage + " expected " + expected);
            return;
        }
        stage = then;
        action.run();
    }

    /** Once the command in flight is acknowledged and both views of its version have arrived, decides what comes next. */
    private void progress() {
        if (mover == NONE || acceptedVersion == NONE) {
            return;
        }
        int other = 1 - mover;
        if (!latencyRecorded && viewVersion[other] >= acceptedVersion) {
            latencyRecorded = true;
            run.broadcast(viewArrival[other] - sentAt);
        }
        boolean[] lost = new boolean[2];
        for (int seat = 0; seat < 2; seat++) {
            if (viewVersion[seat] < acceptedVersion) {
                if (!ended[seat]) {
                    return;
                }
                // The subscription ended (the match was archived) without the view of the final version.
                lost[seat] = true;
            }
        }
        for (int seat = 0; seat < 2; seat++) {
            if (lost[seat]) {
                run.finalViewsLost.increment();
            }
        }
        mover = NONE;
        acceptedVersion = NONE;
        next();
    }

    private void next() {
        if (stage == Stage.SEATING) {
            if (++joinsAccepted < 2) {
                command(1, "Join", JSON.mapper().createObjectNode(), NONE);
                return;
            }
            stage = Stage.PLAYING;
            if (run.pace() instanceof LoadRun.Pace.Hold) {
                run.seated.incrementAndGet();
                stage = Stage.IDLE;
                return;
            }
        }
        if (ended[0] || ended[1] || view[0].phase().equals("FINISHED")) {
            run.matchesFinished.increment();
            createMatch();
            return;
        }
        int turn = players[0].equals(view[0].turn()) ? 0 : 1;
        if (++moves > MAX_MOVES) {
            command(turn, "Forfeit", JSON.mapper().createObjectNode(), viewVersion[turn]);
            return;
        }
        move(turn, view[turn]);
    }

    /** The first matching card of the mover's hand three times in four while the deck lasts, else a draw, else a pass. */
    private void move(int seat, SeatView own) {
        List<CardFace> playable = new ArrayList<>();
        CardFace top = own.top();
        for (CardFace card : own.yourHand()) {
            if (top != null && card.matches(top)) {
                playable.add(card);
            }
        }
        if (!playable.isEmpty() && (own.deckCount() == 0 || random.nextInt(4) != 0)) {
            CardFace card = playable.get(random.nextInt(playable.size()));
            ObjectNode payload = JSON.mapper().createObjectNode();
            payload.putObject("card").put("suit", card.suit()).put("rank", card.rank());
            command(seat, "Play", payload, viewVersion[seat]);
        } else {
            command(seat, own.deckCount() > 0 ? "Draw" : "Pass", JSON.mapper().createObjectNode(), viewVersion[seat]);
        }
    }

    private void createMatch() {
        if (run.pace() instanceof LoadRun.Pace.Stop) {
            stage = Stage.IDLE;
            return;
        }
        gameId = name + "-m" + (++matches);
        stage = Stage.CREATING;
        moves = 0;
        joinsAccepted = 0;
        mover = NONE;
        acceptedVersion = NONE;
        viewVersion[0] = viewVersion[1] = NONE;
        view[0] = view[1] = null;
        ended[0] = ended[1] = false;
        ObjectNode frame = frame("create");
        frame.put("gameType", run.gameType);
        sockets[0].send(frame.toString());
    }

    private void subscribe(int seat) {
        sockets[seat].send(frame("join").toString());
    }

    /** Sends a command now, or at its slot when paced; with the pace at stop, sends nothing and goes idle. */
    private void command(int seat, String command, ObjectNode payload, long expectedVersion) {
        ObjectNode frame = frame("command");
        frame.put("commandId", "c" + (++commands));
        frame.put("command", command);
        frame.set("payload", payload);
        if (expectedVersion >= 0) {
            frame.put("expectedVersion", expectedVersion);
        }
        String text = frame.toString();
        switch (run.pace()) {
            case LoadRun.Pace.Stop stop -> stage = Stage.IDLE;
            case LoadRun.Pace.Hold hold -> send(seat, text);
            case LoadRun.Pace.Peak peak -> send(seat, text);
            case LoadRun.Pace.Paced paced -> sendAtSlot(seat, text, paced);
        }
    }

    private void sendAtSlot(int seat, String text, LoadRun.Pace.Paced paced) {
        long now = System.nanoTime();
        if (paceEpoch != paced.epoch()) {
            paceEpoch = paced.epoch();
            nextSlot = now + random.nextLong(paced.intervalNanos());
        }
        if (nextSlot < now - paced.intervalNanos()) {
            // More than a slot behind: the slots missed are dropped rather than sent in a burst.
            run.lateSends.increment();
            nextSlot = now;
        }
        long slot = nextSlot;
        nextSlot += paced.intervalNanos();
        if (slot <= now) {
            send(seat, text);
            return;
        }
        Stage resumeIn = stage;
        stage = Stage.WAITING_FOR_SLOT;
        run.schedule(() -> sendScheduled(seat, text, resumeIn), slot - now);
    }

    private synchronized void sendScheduled(int seat, String text, Stage resumeIn) {
        if (stage != Stage.WAITING_FOR_SLOT) {
            return;
        }
        if (run.pace() instanceof LoadRun.Pace.Stop) {
            stage = Stage.IDLE;
            return;
        }
        stage = resumeIn;
        send(seat, text);
    }

    private void send(int seat, String text) {
        mover = seat;
        acceptedVersion = NONE;
        latencyRecorded = false;
        sentAt = System.nanoTime();
        sockets[seat].send(text);
    }

    private ObjectNode frame(String type) {
        ObjectNode frame = JSON.mapper().createObjectNode();
        frame.put("type", type);
        frame.put("gameId", gameId);
        return frame;
    }

    /** Counts the failure and starts a new match, so that one refusal does not stop the pair for the rest of the run. */
    private void failed(String code, String detail) {
        run.error(code, name + " " + gameId + ": " + detail);
        createMatch();
    }
}
