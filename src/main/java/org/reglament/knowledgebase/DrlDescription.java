package org.reglament.knowledgebase;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import com.github.javaparser.ParseProblemException;
import com.github.javaparser.StaticJavaParser;
import com.github.javaparser.ast.expr.Expression;
import org.drools.drl.ast.descr.AnnotatedBaseDescr;
import org.drools.drl.ast.descr.AnnotationDescr;
import org.drools.drl.ast.descr.PackageDescr;
import org.drools.drl.ast.descr.RuleDescr;
import org.drools.drl.ast.descr.TypeDeclarationDescr;
import org.drools.drl.parser.DroolsParserException;
import org.drools.drl.parser.DrlParser;

/**
 * What one DRL file says about its rules, read by the DRL parser and never evaluated: its package, and each rule's
 * metadata ({@code @act("…") @clause("…") @quote("…")}) as text.
 * <p>
 * The engine compiles a metadata value as a Java expression and evaluates it when the knowledge base is built
 * ({@code @quote(System.exit(3))} would run), so every annotation value must be one plain string literal: anything
 * else is a compile error, found here before the engine sees the file. The literal is unescaped by the Java parser
 * the engine itself uses, so {@code "a \"b\""} reads as it would have been evaluated.
 */
final class DrlDescription {
    private final String packageName;
    private final List<DescribedRule> rules;

    /** A rule as the file declares it: its name and its metadata, every value a literal's text. */
    record DescribedRule(String name, Map<String, String> metadata) {
    }

    private DrlDescription(String packageName, List<DescribedRule> rules) {
        this.packageName = packageName;
        this.rules = List.copyOf(rules);
    }

    String packageName() {
        return packageName;
    }

    List<DescribedRule> rules() {
        return rules;
    }

    /** A description read before, from the same file (when the jar was built: {@link PrecompiledRules#descriptions}). */
    static DrlDescription of(String packageName, List<DescribedRule> rules) {
        return new DrlDescription(packageName, rules);
    }

    static DrlDescription read(String path, String drl) {
        DrlParser parser = new DrlParser();
        PackageDescr parsed;
        try {
            parsed = parser.parse(false, drl);
        } catch (DroolsParserException e) {
            throw new KnowledgeBaseException(path + ": " + e.getMessage());
        }
        if (parser.hasErrors() || parsed == null) {
            throw new KnowledgeBaseException(path + " does not parse: " + parser.getErrors().stream()
                    .map(Object::toString).collect(Collectors.joining("; ")));
        }
        List<DescribedRule> rules = new ArrayList<>();
        for (RuleDescr rule : parsed.getRules()) {
            rules.add(new DescribedRule(rule.getName(), literals(path, "rule \"" + rule.getName() + "\"", rule)));
        }
        // Declared types carry annotations too; the engine reads some of them as code, so they are held to the same rule.
        for (TypeDeclarationDescr type : parsed.getTypeDeclarations()) {
            literals(path, "type " + type.getTypeName(), type);
            type.getFields().forEach((name, field) -> literals(path, "field " + type.getTypeName() + "." + name, field));
        }
        parsed.getEnumDeclarations().forEach(type -> literals(path, "enum " + type.getTypeName(), type));
        return new DrlDescription(parsed.getName(), rules);
    }

    private static Map<String, String> literals(String path, String owner, AnnotatedBaseDescr annotated) {
        Map<String, String> values = new LinkedHashMap<>();
        Collection<AnnotationDescr> annotations = annotated.getAnnotations();
        for (AnnotationDescr annotation : annotations) {
            String where = path + ", " + owner + ", @" + annotation.getName();
            if (annotation.isDuplicated()) {
                throw new KnowledgeBaseException(where + " is given more than once");
            }
            if (!(annotation.getValue() instanceof String raw)) {
                throw new KnowledgeBaseException(where + ": metadata is one string literal in double quotes, "
                        + "not key=value pairs or nothing");
            }
            values.put(annotation.getName(), literal(where, raw));
        }
        return values;
    }

    /** The text of one Java string literal; anything else (a call, a sum, a number, a name) is refused, not run. */
    private static String literal(String where, String raw) {
        Expression expression;
        try {
            expression = StaticJavaParser.parseExpression(raw.strip());
        } catch (ParseProblemException e) {
            expression = null;
        }
        if (expression == null || !expression.isStringLiteralExpr()) {
            throw new KnowledgeBaseException(where + ": metadata must be a plain string literal such as \"3.1.4\", "
                    + "not an expression (" + abbreviated(raw) + "); it is never evaluated");
        }
        return expression.asStringLiteralExpr().asString();
    }

    private static String abbreviated(String raw) {
        String oneLine = raw.strip().replaceAll("\\s+", " ");
        return oneLine.length() <= 60 ? oneLine : oneLine.substring(0, 57) + "...";
    }
}
