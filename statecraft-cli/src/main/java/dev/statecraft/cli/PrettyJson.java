package dev.statecraft.cli;

import dev.statecraft.codec.JsonCodec;

/** States, views and events as the engine's JSON codec writes them, indented for reading. */
final class PrettyJson {
    private PrettyJson() {
    }

    static String of(Object value) {
        return JsonCodec.json().mapper().writerWithDefaultPrettyPrinter().writeValueAsString(value);
    }

    static String compact(Object value) {
        return JsonCodec.json().writeString(value);
    }
}
