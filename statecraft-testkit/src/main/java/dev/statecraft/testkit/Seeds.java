package dev.statecraft.testkit;

import java.security.SecureRandom;

/**
 * Seeds for randomized tests. Each run picks a fresh seed and prints it; setting the system property
 * {@code statecraft.seed} (or the environment variable {@code STATECRAFT_SEED}) re-runs exactly that case:
 * {@code bin/test -Dstatecraft.seed=123 -Dtest=CardsRandomMatchesTest}.
 */
public final class Seeds {
    public static final String PROPERTY = "statecraft.seed";

    private Seeds() {
    }

    /** The seed for {@code testName}, printed so a failure can be reproduced. */
    public static long seed(String testName) {
        String given = System.getProperty(PROPERTY, System.getenv("STATECRAFT_SEED"));
        long seed = given == null || given.isBlank() ? new SecureRandom().nextLong() : Long.parseLong(given.trim());
        System.out.println("[seed] " + testName + ": " + seed + " (re-run with -D" + PROPERTY + "=" + seed + ")");
        return seed;
    }

    /** Whole-run case counts may be scaled up for long soak runs: {@code -Dstatecraft.scale=100}. */
    public static int scaled(int count) {
        String scale = System.getProperty("statecraft.scale", "1");
        return Math.multiplyExact(count, Integer.parseInt(scale.trim()));
    }
}
