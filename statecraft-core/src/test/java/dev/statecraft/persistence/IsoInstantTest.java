package dev.statecraft.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class IsoInstantTest {

    private static String written(Instant instant) {
        return new String(IsoInstant.ascii(instant), StandardCharsets.US_ASCII);
    }

    @Test
    void instants_are_written_as_instant_to_string_writes_them_at_the_edges() {
        for (Instant instant : List.of(Instant.EPOCH, Instant.ofEpochSecond(0, 1), Instant.ofEpochSecond(-1, 999_999_999),
                Instant.parse("2026-02-28T23:59:59.999Z"), Instant.parse("2028-02-29T12:00:00.000100Z"),
                Instant.parse("2026-12-31T00:00:00.000000001Z"), Instant.parse("9999-12-31T23:59:59.999999999Z"),
                Instant.parse("+10000-01-01T00:00:00Z"), Instant.parse("1969-12-31T23:59:59Z"), Instant.MIN, Instant.MAX)) {
            assertThat(written(instant)).as("%s", instant).isEqualTo(instant.toString());
        }
    }

    @Test
    void random_instants_are_written_as_instant_to_string_writes_them() {
        String given = System.getProperty("statecraft.seed");
        long seed = given == null ? System.nanoTime() : Long.parseLong(given);
        System.out.println("[seed] random_instants_are_written_as_instant_to_string_writes_them: " + seed
                + " (re-run with -Dstatecraft.seed=" + seed + ")");
        SplittableRandom random = new SplittableRandom(seed);
        for (int i = 0; i < 100_000; i++) {
            long seconds = random.nextLong(-100_000_000_000L, 400_000_000_000L);
            int nanos = switch (random.nextInt(4)) {
                case 0 -> 0;
                case 1 -> random.nextInt(1_000) * 1_000_000;
                case 2 -> random.nextInt(1_000_000) * 1_000;
                default -> random.nextInt(1_000_000_000);
            };
            Instant instant = Instant.ofEpochSecond(seconds, nanos);
            assertThat(written(instant)).as("seed %d: %s", seed, instant).isEqualTo(instant.toString());
        }
    }
}
