package dev.statecraft.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Map;
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
}
