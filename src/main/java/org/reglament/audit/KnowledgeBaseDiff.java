package org.reglament.audit;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

import org.reglament.knowledgebase.Act;
import org.reglament.knowledgebase.KnowledgeBaseOutline;
import org.reglament.knowledgebase.LegalParameter;
import org.reglament.knowledgebase.RuleCitation;

/**
 * What changed between two knowledge-base versions: files, rules (text or citation) and parameters. Works on outlines
 * (nothing compiled or run), so a candidate's worker gives the same account as the service does for its own versions.
 */
public final class KnowledgeBaseDiff {

    private KnowledgeBaseDiff() {
    }

    public record Changes(String from, String to, List<String> filesChanged, List<RuleChange> rules,
                          List<ParameterChange> parameters) {
    }

    /** @param change "added", "removed" or "changed" */
    public record RuleChange(String act, String rule, String clause, String change) {
    }

    public record ParameterChange(String act, String parameter, String clause, String before, String after) {
    }

    public static Changes between(KnowledgeBaseOutline from, KnowledgeBaseOutline to) {
        List<String> files = new ArrayList<>();
        TreeSet<String> paths = new TreeSet<>(from.sources().files().keySet());
        paths.addAll(to.sources().files().keySet());
        for (String path : paths) {
            byte[] a = from.sources().files().get(path);
            byte[] b = to.sources().files().get(path);
            if (a == null || b == null || !java.util.Arrays.equals(a, b)) {
                files.add(path);
            }
        }
        return new Changes(from.version(), to.version(), files, rules(from, to), parameters(from, to));
    }

    private static List<RuleChange> rules(KnowledgeBaseOutline from, KnowledgeBaseOutline to) {
        Map<String, RuleCitation> before = byKey(from);
        Map<String, RuleCitation> after = byKey(to);
        Map<String, String> textBefore = from.ruleSources();
        Map<String, String> textAfter = to.ruleSources();
        TreeSet<String> keys = new TreeSet<>(before.keySet());
        keys.addAll(after.keySet());
        List<RuleChange> changes = new ArrayList<>();
        for (String key : keys) {
            RuleCitation a = before.get(key);
            RuleCitation b = after.get(key);
            RuleCitation any = b != null ? b : a;
            String change = a == null ? "added" : b == null ? "removed"
                    : !a.equals(b) || !Objects.equals(textBefore.get(key), textAfter.get(key)) ? "changed" : null;
            if (change != null) {
                changes.add(new RuleChange(any.actId(), any.rule(), any.clause(), change));
            }
        }
        return changes;
    }

    private static List<ParameterChange> parameters(KnowledgeBaseOutline from, KnowledgeBaseOutline to) {
        List<ParameterChange> changes = new ArrayList<>();
        for (Act act : to.acts()) {
            Map<String, LegalParameter> before = new HashMap<>();
            from.acts().stream().filter(a -> a.id().equals(act.id())).findFirst()
                    .ifPresent(a -> a.parameters().forEach(p -> before.put(p.name(), p)));
            for (LegalParameter parameter : act.parameters()) {
                LegalParameter old = before.get(parameter.name());
                String now = describe(parameter);
                String was = old == null ? null : describe(old);
                if (!now.equals(was)) {
                    changes.add(new ParameterChange(act.id(), parameter.name(), parameter.clause(), was, now));
                }
            }
        }
        return changes;
    }

    private static String describe(LegalParameter p) {
        return p.value() != null ? p.value().toPlainString() + (p.measuredIn() == null ? "" : " " + p.measuredIn())
                : p.date() != null ? p.date().toString() : String.valueOf(p.monthDay());
    }

    private static Map<String, RuleCitation> byKey(KnowledgeBaseOutline kb) {
        Map<String, RuleCitation> rules = new HashMap<>();
        kb.rules().forEach(r -> rules.put(r.packageName() + "/" + r.rule(), r));
        return rules;
    }
}
