package dev.statecraft.examples.cards;

/** Runs the checks of one random match so that any failure names the seed and the game that reproduce it. */
final class RandomMatches {

    private RandomMatches() {
    }

    static void check(long seed, String gameId, Runnable checks) {
        try {
            checks.run();
        } catch (AssertionError | RuntimeException e) {
            throw new AssertionError("seed " + seed + ", game " + gameId + " (re-run with -Dstatecraft.seed=" + seed + "): "
                    + e.getMessage(), e);
        }
    }
}
