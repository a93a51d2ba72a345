package org.reglament.deployment;

import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The metric names a PromQL expression (as a Grafana dashboard writes it) reads. Not a PromQL parser: it removes what
 * cannot be a metric name (strings, label matchers, ranges, Grafana variables, grouping clauses, function calls,
 * keywords) and keeps the identifiers left.
 */
final class PromQl {
    private static final Pattern LABEL_VALUES = Pattern.compile("label_values\\(\\s*([a-zA-Z_:][a-zA-Z0-9_:]*)[^)]*\\)");
    private static final Pattern STRING = Pattern.compile("\"(?:[^\"\\\\]|\\\\.)*\"|'(?:[^'\\\\]|\\\\.)*'");
    private static final Pattern BRACES = Pattern.compile("\\{[^}]*}|\\[[^]]*]");
    private static final Pattern VARIABLE = Pattern.compile("\\$\\{[^}]*}|\\$[a-zA-Z_][a-zA-Z0-9_]*");
    private static final Pattern GROUPING =
            Pattern.compile("\\b(?:by|without|on|ignoring|group_left|group_right)\\s*\\([^)]*\\)");
    private static final Pattern IDENTIFIER = Pattern.compile("(?<![\\w.])([a-zA-Z_:][a-zA-Z0-9_:]*)(\\s*\\()?");
    private static final Set<String> KEYWORDS = Set.of("by", "without", "on", "ignoring", "group_left", "group_right",
            "bool", "and", "or", "unless", "offset", "inf", "nan", "atan2");

    private PromQl() {
    }

    static Set<String> metricNames(String expression) {
        Set<String> names = new TreeSet<>();
        Matcher labelValues = LABEL_VALUES.matcher(expression);
        while (labelValues.find()) {
            names.add(labelValues.group(1));
        }
        String rest = LABEL_VALUES.matcher(expression).replaceAll(" ");
        rest = STRING.matcher(rest).replaceAll(" ");
        rest = BRACES.matcher(rest).replaceAll(" ");
        rest = VARIABLE.matcher(rest).replaceAll(" ");
        rest = GROUPING.matcher(rest).replaceAll(" ");
        Matcher identifier = IDENTIFIER.matcher(rest);
        while (identifier.find()) {
            String name = identifier.group(1);
            boolean call = identifier.group(2) != null;
            if (!call && !KEYWORDS.contains(name.toLowerCase()) && !name.matches("\\d.*")) {
                names.add(name);
            }
        }
        return names;
    }
}
