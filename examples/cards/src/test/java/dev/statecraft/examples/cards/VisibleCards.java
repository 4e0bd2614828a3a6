package dev.statecraft.examples.cards;

import java.util.HashSet;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/** Every card written anywhere in a JSON tree, found as an object of exactly a suit and a rank. */
final class VisibleCards {

    private VisibleCards() {
    }

    static Set<Card> in(JsonNode tree) {
        Set<Card> found = new HashSet<>();
        collect(tree, found);
        return found;
    }

    private static void collect(JsonNode node, Set<Card> found) {
        if (node.isObject() && node.size() == 2 && node.has("suit") && node.has("rank")) {
            found.add(new Card(Suit.valueOf(node.get("suit").asString()), node.get("rank").asInt()));
            return;
        }
        for (JsonNode child : node.values()) {
            collect(child, found);
        }
    }
}
