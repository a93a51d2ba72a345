package org.reglament.deployment;

import java.util.List;
import java.util.Map;

/** Reading parsed YAML (maps, lists, scalars) by path, failing with the path when a node is not there. */
final class Tree {
    private Tree() {
    }

    static Object at(Object node, String... path) {
        Object current = node;
        for (String key : path) {
            if (!(current instanceof Map<?, ?> map) || !map.containsKey(key)) {
                throw new AssertionError("no " + String.join(".", path) + " (missing at " + key + ")");
            }
            current = map.get(key);
        }
        return current;
    }

    static boolean has(Object node, String... path) {
        Object current = node;
        for (String key : path) {
            if (!(current instanceof Map<?, ?> map) || !map.containsKey(key)) {
                return false;
            }
            current = map.get(key);
        }
        return true;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object node, String... path) {
        Object value = at(node, path);
        if (!(value instanceof Map<?, ?>)) {
            throw new AssertionError(String.join(".", path) + " is not a mapping: " + value);
        }
        return (Map<String, Object>) value;
    }

    @SuppressWarnings("unchecked")
    static List<Object> list(Object node, String... path) {
        Object value = at(node, path);
        if (!(value instanceof List<?>)) {
            throw new AssertionError(String.join(".", path) + " is not a list: " + value);
        }
        return (List<Object>) value;
    }

    static String text(Object node, String... path) {
        return String.valueOf(at(node, path));
    }
}
