package org.reglament.candidate;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

import org.reglament.decision.InvalidRequestException;
import org.reglament.knowledgebase.RuleSources;

/**
 * A candidate's files: a base version with some files replaced, added or (empty content) removed. A file key is a
 * path of the form rules/ itself uses — relative, '/'-separated segments of {@code [a-z0-9_.-]}, ending in
 * {@code .drl}, {@code .yaml}, {@code .txt} or {@code .json}; no "..", no backslash, no empty segment — and anything else is
 * refused with the key named, never normalised into something else ({@code "\\tmp\\pwned"} is not {@code /tmp/pwned}).
 */
final class CandidateFiles {
    private static final Pattern KEY = Pattern.compile("[a-z0-9_.-]+(/[a-z0-9_.-]+)*\\.(drl|yaml|txt|json)");
    private static final int MAX_KEY_LENGTH = 200;

    private CandidateFiles() {
    }

    static RuleSources apply(RuleSources base, Map<String, String> changes) {
        Map<String, byte[]> files = new TreeMap<>(base.files());
        changes.forEach((key, content) -> {
            check(key);
            if (content == null) {
                throw new InvalidRequestException("files", "\"" + key + "\": the content is a string (empty removes the file)");
            }
            if (content.isEmpty()) {
                if (files.remove(key) == null) {
                    throw new InvalidRequestException("files", "\"" + key + "\" is removed (empty content), but "
                            + base.version() + " has no such file");
                }
            } else {
                files.put(key, content.getBytes(StandardCharsets.UTF_8));
            }
        });
        if (files.isEmpty()) {
            throw new InvalidRequestException("files", "the candidate would have no files left");
        }
        return new RuleSources(files);
    }

    static void check(String key) {
        String reason = null;
        if (key.isEmpty()) {
            reason = "is empty";
        } else if (key.length() > MAX_KEY_LENGTH) {
            reason = "is longer than " + MAX_KEY_LENGTH + " characters";
        } else if (key.indexOf('\\') >= 0) {
            reason = "contains a backslash: segments are separated by '/'";
        } else if (key.startsWith("/")) {
            reason = "is absolute: a key is a path inside rules/";
        } else if (key.contains("..")) {
            reason = "contains \"..\"";
        } else if (key.contains("//") || key.endsWith("/")) {
            reason = "has an empty segment";
        } else if (key.equals(".") || key.startsWith("./") || key.contains("/./")) {
            reason = "has a \".\" segment";
        } else if (!KEY.matcher(key).matches()) {
            reason = "is not a path of the form rules/ uses: segments of a-z, 0-9, '_', '.', '-', "
                    + "ending in .drl, .yaml, .txt or .json";
        }
        if (reason != null) {
            throw new InvalidRequestException("files", "\"" + key + "\" " + reason
                    + " (e.g. ru/kamchatka_guidelines/act.yaml)");
        }
    }
}
