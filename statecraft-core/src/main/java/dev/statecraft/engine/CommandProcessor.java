package dev.statecraft.engine;

import dev.statecraft.engine.CommandResult.Accepted;
import dev.statecraft.engine.CommandResult.Rejected;
import dev.statecraft.persistence.Strategy;
import dev.statecraft.persistence.WritePolicy;
import dev.statecraft.rules.Decision;
import dev.statecraft.rules.GameType;
import dev.statecraft.rules.Phase;
import dev.statecraft.rules.Phases;
import dev.statecraft.rules.ReasonCode;
import dev.statecraft.rules.Rules;
import dev.statecraft.store.AppendRequest;
import dev.statecraft.store.CommandRecord;
import dev.statecraft.store.DuplicateCommandException;
import dev.statecraft.store.EventLog;
import dev.statecraft.store.NewEvent;
import dev.statecraft.store.VersionConflictException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Decides one command against a game's live state, checks the phase machine, appends the events and
 * installs the new state. Called with the game's lock held; the rules never see the lock.
 */
final class CommandProcessor {
    private final EventLog log;
    private final Persister persister;
    private final History history;
    private final SubscriptionHub subscriptions;
    private final EngineMetrics metrics;
    private final Clock clock;
    private final long rootSeed;
    private final int conflictRetries;

    CommandProcessor(EventLog log, Persister persister, History history, SubscriptionHub subscriptions, EngineMetrics metrics,
                     Clock clock, long rootSeed, int conflictRetries) {
        this.log = log;
        this.persister = persister;
        this.history = history;
        this.metrics = metrics;
        this.subscriptions = subscriptions;
        this.clock = clock;
        this.rootSeed = rootSeed;
        this.conflictRetries = conflictRetries;
    }

    CommandResult process(HotGame game, CommandRequest request) {
        Optional<CommandResult> seen = game.recent().find(request.commandId());
        if (seen.isPresent()) {
            return seen.get();
        }
        Optional<CommandRecord> written = writtenWithoutDurableCheck(game, request);
        if (written.isPresent()) {
            return accepted(written.get());
        }
        CommandResult result = decideAndAppend(game, request);
        game.recent().add(result);
        return result;
    }

    /**
     * A durable append refuses a known command id by itself; a buffered one is written only later, so a
     * retry of an accepted buffered command must be recognised before it is decided again: in the
     * write-behind buffer, or in the store.
     */
    private Optional<CommandRecord> writtenWithoutDurableCheck(HotGame game, CommandRequest request) {
        GameType<?, ?, ?, ?> type = game.type;
        if (!type.commands().contains(request.command()) || type.writePolicyFor(request.command()) instanceof WritePolicy.Durable) {
            return Optional.empty();
        }
        Optional<CommandRecord> pending = persister.pendingCommand(game.gameId, request.commandId());
        if (pending.isPresent() || type.persistence().strategy() == Strategy.SNAPSHOTS_ONLY) {
            return pending;
        }
        return log.findCommand(game.gameId, request.commandId());
    }

    private CommandResult decideAndAppend(HotGame game, CommandRequest request) {
        GameType<?, ?, ?, ?> type = game.type;
        if (!type.commands().contains(request.command())) {
            return rejected(game, request, ReasonCode.UNKNOWN_COMMAND, request.command().getClass().getSimpleName()
                    + " is not a command of game type " + type.name() + " (commands: " + String.join(", ", type.commands().names()) + ")");
        }
        for (int attempt = 0; ; attempt++) {
            LiveState live = game.live;
            Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
            Decided decided = decide(game, live, request, now);
            if (decided.rejection() != null) {
                return recordedOr(decided.rejection());
            }
            if (decided.steps().isEmpty()) {
                return new Accepted(game.gameId, request.commandId(), live.version(), 0);
            }
            LiveState after = decided.steps().getLast();
            try {
                persister.write(game, new AppendRequest(game.gameId, live.version(), request.commandId(), now, decided.events()), after,
                        type.writePolicyFor(request.command()));
            } catch (DuplicateCommandException e) {
                return accepted(e.original());
            } catch (VersionConflictException e) {
                metrics.conflict();
                List<LiveState> theirs = new ArrayList<>();
                game.live = history.catchUp(type, game.record, live, theirs::add);
                subscriptions.publish(game, theirs);
                if (attempt >= conflictRetries) {
                    return recordedOr(rejected(game, request, ReasonCode.VERSION_CONFLICT, "game " + game.gameId
                            + ": another writer took the next version " + (attempt + 1) + " times in a row"));
                }
                continue;
            }
            game.live = after;
            subscriptions.publish(game, decided.steps());
            persister.written(game, live, after, now);
            return new Accepted(game.gameId, request.commandId(), after.version(), decided.steps().size());
        }
    }

    /** The events of an accepted decision with the state after each, or the reason it was refused. */
    private record Decided(List<NewEvent> events, List<LiveState> steps, Rejected rejection) {
    }

    private Decided decide(HotGame game, LiveState live, CommandRequest request, Instant now) {
        GameType<?, ?, ?, ?> type = game.type;
        Rules<Object, Object, Object, Object> rules = Erased.rules(type);
        Phases<Object> phases = Erased.phases(type);
        Object command = request.command();
        String commandName = command.getClass().getSimpleName();

        if (request.expectedVersion() != CommandRequest.ANY_VERSION && request.expectedVersion() != live.version()) {
            return refuse(game, request, ReasonCode.VERSION_CONFLICT,
                    "game " + game.gameId + ": expected version " + request.expectedVersion() + " but was " + live.version());
        }
        if (!phases.accepts(live.phase(), command.getClass())) {
            return refuse(game, request, ReasonCode.WRONG_PHASE, "game " + game.gameId + " is in phase " + live.phase().name()
                    + ", which does not accept " + commandName + "; " + phases.describeAccepted(live.phase()));
        }
        DecisionContext ctx = new DecisionContext(game.gameId, live.version(), request.actor(), now,
                DecisionContext.seedFor(rootSeed, game.gameId, live.version(), request.commandId()));
        Decision<Object> decision;
        try {
            decision = rules.decide(live.state(), command, ctx);
        } catch (RuntimeException e) {
            throw new RulesFailureException(failure(game, "decide", commandName, e), e);
        }
        return switch (decision) {
            case Decision.Reject<Object> r -> refuse(game, request, r.code(), r.message());
            case Decision.Accept<Object> a -> fold(game, live, request, a.events());
        };
    }

    private Decided fold(HotGame game, LiveState live, CommandRequest request, List<Object> events) {
        GameType<?, ?, ?, ?> type = game.type;
        Rules<Object, Object, Object, Object> rules = Erased.rules(type);
        Phases<Object> phases = Erased.phases(type);
        String commandName = request.command().getClass().getSimpleName();
        List<NewEvent> encoded = new ArrayList<>(events.size());
        List<LiveState> steps = new ArrayList<>(events.size());
        LiveState current = live;
        for (Object event : events) {
            if (!type.events().contains(event)) {
                throw new RulesFailureException("game " + game.gameId + " (" + type.name() + "): decide returned "
                        + (event == null ? "null" : event.getClass().getName()) + " for " + commandName + ", which is not an event of the game type");
            }
            Object next;
            try {
                next = rules.evolve(current.state(), event);
            } catch (RuntimeException e) {
                throw new RulesFailureException(failure(game, "evolve", event.getClass().getSimpleName(), e), e);
            }
            Phase phase = rules.phase(next);
            if (!phase.equals(current.phase())) {
                Optional<Phases.Transition<Object>> transition = phases.transition(current.phase(), phase);
                if (transition.isEmpty()) {
                    return refuse(game, request, ReasonCode.ILLEGAL_TRANSITION, "game " + game.gameId + ": " + commandName + " would move phase "
                            + current.phase().name() + " to " + phase.name() + ", which is not a declared transition");
                }
                if (!transition.get().guard().test(next)) {
                    return refuse(game, request, ReasonCode.ILLEGAL_TRANSITION, "game " + game.gameId + ": " + commandName + " would move phase "
                            + current.phase().name() + " to " + phase.name() + " but its guard '" + transition.get().description() + "' does not hold");
                }
            }
            encoded.add(EventEncoding.encode(type, event));
            current = new LiveState(current.version() + 1, phase, next);
            steps.add(current);
        }
        return new Decided(encoded, steps, null);
    }

    private static String failure(HotGame game, String function, String subject, RuntimeException e) {
        return "game " + game.gameId + " (" + game.type.name() + "): " + function + " threw " + e.getClass().getSimpleName()
                + " for " + subject + ": " + e.getMessage();
    }

    private static Decided refuse(HotGame game, CommandRequest request, String code, String message) {
        return new Decided(List.of(), List.of(), rejected(game, request, code, message));
    }

    private static Rejected rejected(HotGame game, CommandRequest request, String code, String message) {
        return new Rejected(game.gameId, request.commandId(), game.live.version(), code, message);
    }

    /** A rejection, unless the store shows the command id was accepted long ago: then that first outcome. */
    private CommandResult recordedOr(Rejected rejection) {
        return log.findCommand(rejection.gameId(), rejection.commandId()).<CommandResult>map(CommandProcessor::accepted).orElse(rejection);
    }

    private static Accepted accepted(CommandRecord record) {
        return new Accepted(record.gameId(), record.commandId(), record.lastVersion(), (int) (record.lastVersion() - record.firstVersion() + 1));
    }
}
