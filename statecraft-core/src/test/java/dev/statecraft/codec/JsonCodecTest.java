package dev.statecraft.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class JsonCodecTest {
    enum Suit { HEARTS, SPADES }

    record Card(Suit suit, int rank) {
    }

    record Hand(String owner, List<Card> cards, Map<String, Integer> scores, Instant dealtAt) {
        boolean isEmpty() {
            return cards.isEmpty();
        }

        int getSize() {
            return cards.size();
        }
    }

    record Rank(int value) {
        Rank {
            if (value < 1) {
                throw new IllegalArgumentException("a rank starts at 1");
            }
        }
    }

    record Names(String... names) {
    }

    record Traced(int value) {
        static final List<Boolean> BUILT_BY_SPREADING_HANDLE = new CopyOnWriteArrayList<>();

        Traced {
            BUILT_BY_SPREADING_HANDLE.add(StackWalker.getInstance()
                    .walk(frames -> frames.anyMatch(frame -> frame.getClassName().startsWith(SpreadConstructors.class.getName()))));
        }
    }

    record Refusing(int value) {
        static final AtomicInteger CALLS = new AtomicInteger();

        Refusing {
            CALLS.incrementAndGet();
            throw new IllegalStateException("refused " + value);
        }
    }

    private record Secret(String text, long number, boolean flag, double weight) {
    }

    private final JsonCodec json = JsonCodec.json();

    @Test
    void a_record_is_written_by_its_components_only_and_read_back_equal() {
        Hand hand = new Hand("ann", List.of(new Card(Suit.HEARTS, 7)), Map.of("ann", 3), Instant.parse("2026-01-01T00:00:00.000001Z"));

        String text = json.writeString(hand);

        assertThat(text).isEqualTo("{\"owner\":\"ann\",\"cards\":[{\"suit\":\"HEARTS\",\"rank\":7}],\"scores\":{\"ann\":3},"
                + "\"dealtAt\":\"2026-01-01T00:00:00.000001Z\"}");
        assertThat(json.read(json.write(hand), Hand.class)).isEqualTo(hand);
    }

    @Test
    void reading_refuses_missing_null_and_unknown_fields() {
        assertThatThrownBy(() -> json.read("{\"suit\":\"HEARTS\"}".getBytes(), Card.class)).isInstanceOf(CodecException.class).hasMessageContaining("rank");
        assertThatThrownBy(() -> json.read("{\"suit\":null,\"rank\":1}".getBytes(), Card.class)).isInstanceOf(CodecException.class);
        assertThatThrownBy(() -> json.read("{\"suit\":\"HEARTS\",\"rank\":1,\"x\":2}".getBytes(), Card.class)).isInstanceOf(CodecException.class).hasMessageContaining("x");
        assertThatThrownBy(() -> json.read("{\"suit\":\"HEARTS\",\"rank\":1} {}".getBytes(), Card.class)).isInstanceOf(CodecException.class);
    }

    @Test
    void a_private_record_with_primitive_components_is_read_back_equal() {
        Secret secret = new Secret("x", Long.MAX_VALUE, true, 0.25);

        assertThat(json.read(json.write(secret), Secret.class)).isEqualTo(secret);
    }

    @Test
    void a_record_of_variable_arity_takes_its_array_whole() {
        Names names = json.read("{\"names\":[\"ann\",\"bob\"]}".getBytes(), Names.class);

        assertThat(names.names()).containsExactly("ann", "bob");
    }

    @Test
    void a_record_whose_constructor_refuses_its_values_is_refused_with_the_constructors_reason() {
        assertThat(json.read("{\"value\":3}".getBytes(), Rank.class)).isEqualTo(new Rank(3));
        assertThatThrownBy(() -> json.read("{\"value\":0}".getBytes(), Rank.class))
                .isInstanceOf(CodecException.class).hasMessageContaining("Rank").hasMessageContaining("a rank starts at 1");
    }

    @Test
    void a_record_is_built_through_the_spreading_handle_not_jacksons_own_call() {
        Traced.BUILT_BY_SPREADING_HANDLE.clear();

        json.read("{\"value\":1}".getBytes(), Traced.class);

        assertThat(Traced.BUILT_BY_SPREADING_HANDLE).containsExactly(true);
    }

    @Test
    void a_constructor_that_throws_is_called_once_and_its_exception_reported() {
        Refusing.CALLS.set(0);

        assertThatThrownBy(() -> json.read("{\"value\":7}".getBytes(), Refusing.class))
                .isInstanceOf(CodecException.class).hasMessageContaining("Refusing").hasMessageContaining("refused 7");
        assertThat(Refusing.CALLS).hasValue(1);
    }
}
