package dev.statecraft.rules;

import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The records of a sealed interface, named by their simple class names. Those names are how commands
 * and events are written to stores and to the wire.
 */
public final class SealedFamily<T> {
    private final Class<T> root;
    private final Map<String, Class<? extends T>> byName;
    private final Map<Class<?>, String> byClass;

    private SealedFamily(Class<T> root, Map<String, Class<? extends T>> byName) {
        this.root = root;
        this.byName = Map.copyOf(byName);
        Map<Class<?>, String> inverse = new LinkedHashMap<>();
        byName.forEach((name, type) -> inverse.put(type, name));
        this.byClass = Map.copyOf(inverse);
    }

    /** Collects the records reachable from {@code root} through sealed interfaces; fails on anything else. */
    public static <T> SealedFamily<T> of(Class<T> root) {
        if (!root.isSealed()) {
            throw new IllegalArgumentException(root.getName() + " must be a sealed interface of records");
        }
        Map<String, Class<? extends T>> byName = new LinkedHashMap<>();
        Deque<Class<?>> pending = new ArrayDeque<>(List.of(root));
        while (!pending.isEmpty()) {
            Class<?> type = pending.pop();
            if (type.isSealed()) {
                pending.addAll(List.of(type.getPermittedSubclasses()));
            } else if (type.isRecord()) {
                Class<? extends T> leaf = type.asSubclass(root);
                Class<? extends T> clash = byName.put(type.getSimpleName(), leaf);
                if (clash != null && clash != leaf) {
                    throw new IllegalArgumentException(root.getName() + ": two records are named " + type.getSimpleName()
                            + " (" + clash.getName() + ", " + type.getName() + "); names must be unique in a family");
                }
            } else {
                throw new IllegalArgumentException(root.getName() + " permits " + type.getName() + ", which is neither a record nor sealed");
            }
        }
        return new SealedFamily<>(root, byName);
    }

    public Class<T> root() {
        return root;
    }

    public Optional<Class<? extends T>> byName(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    public String nameOf(Object member) {
        String name = byClass.get(member.getClass());
        if (name == null) {
            throw new IllegalArgumentException(member.getClass().getName() + " is not a record of " + root.getName());
        }
        return name;
    }

    public boolean contains(Object value) {
        return value != null && byClass.containsKey(value.getClass());
    }

    public Set<String> names() {
        return byName.keySet();
    }

    public Collection<Class<? extends T>> members() {
        return byName.values();
    }
}
