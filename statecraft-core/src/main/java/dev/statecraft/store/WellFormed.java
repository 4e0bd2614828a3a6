package dev.statecraft.store;

/**
 * Ids kept by a store must be well-formed Unicode: a store writes them as UTF-8, which turns an unpaired surrogate
 * into {@code ?}, so two different ids, {@code "x\uD800"} and {@code "x?"}, would be stored as one; the second would
 * then pass for new wherever ids are compared as Java strings, and collide with the first in the table.
 */
public final class WellFormed {
    private WellFormed() {
    }

    /** Returns {@code value}, or throws naming it if it holds a surrogate that is not half of a pair. */
    public static String requireWellFormed(String value, String name) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                throw new IllegalArgumentException(name + " must be well-formed Unicode: it holds an unpaired surrogate (U+"
                        + Integer.toHexString(c).toUpperCase() + ") at index " + i);
            }
        }
        return value;
    }
}
