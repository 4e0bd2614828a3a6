package dev.statecraft.rules;

import java.util.List;
import java.util.Objects;

/** What {@link Rules#decide} returns: the events a command causes, or a rejection that changes nothing. */
public sealed interface Decision<E> {

    record Accept<E>(List<E> events) implements Decision<E> {
        public Accept {
            events = List.copyOf(events);
        }
    }

    /** A refusal; {@code code} is a stable, machine-readable kebab-case word, {@code message} is for people. */
    record Reject<E>(String code, String message) implements Decision<E> {
        public Reject {
            Objects.requireNonNull(code, "code");
            Objects.requireNonNull(message, "message");
            if (!ReasonCode.isWellFormed(code)) {
                throw new IllegalArgumentException("reason code must be kebab-case like 'wrong-seat' (was '" + code + "')");
            }
        }
    }

    @SafeVarargs
    static <E> Decision<E> accept(E... events) {
        return new Accept<>(List.of(events));
    }

    static <E> Decision<E> accept(List<? extends E> events) {
        return new Accept<>(List.copyOf(events));
    }

    static <E> Decision<E> reject(String code, String message) {
        return new Reject<>(code, message);
    }
}
