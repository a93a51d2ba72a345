package org.reglament.knowledgebase;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Splits a verbatim text into addressable clauses by its {@link TextOutline}. The text is never changed: a clause
 * is a span of it. How the published layout is read, in the order it is applied:
 * <ul>
 *   <li>A part starts at the first line after the previous part's start that begins with its {@code starts}.</li>
 *   <li>A line that opens a unit of one of the part's levels, in sequence, starts that unit (a point numbered out
 *       of sequence, or a sub-point "3)" where "2)" is due, is text, not a unit). "б)" where 6) is due is read as
 *       6): the texts print a Cyrillic б for the digit.</li>
 *   <li>A line that begins with a lower-case letter or "№" after a line without closing punctuation continues that
 *       line's paragraph (the published texts break sentences across lines).</li>
 *   <li>A line of a table (tab-separated or with "|" cells) belongs to the paragraph before it.</li>
 *   <li>A note of the publisher ("Сноска.", "Ескерту.") is a note of the unit it follows, not a paragraph.</li>
 *   <li>Sub-points whose first item ends with ";" are an enumeration: a paragraph after its last item (ending with
 *       ".") returns to the unit the enumeration is in. Sub-points whose first item ends with "." are units of their
 *       own: the paragraphs after each belong to it.</li>
 *   <li>A unit's own paragraphs are clauses ("… абз. N") when it has two or more; a heading and the text of a part
 *       before its first unit (its title block) are not paragraphs. Where one unit holds several lists numbered from
 *       1, each list belongs to the paragraph that introduces it ("3 абз. 4 п. 1").</li>
 * </ul>
 */
public final class ClauseSplitter {

    /** The numbering styles a level of an outline can have. */
    enum Style {
        /** "3.1.4.3. Heading": a heading numbered with dots; the number's prefixes are its parents. */
        DOTTED("section", true, "^(\\d+(?:\\.\\d+)*)(\\.?)\\h+(\\S.*)$"),
        /** "1.2.1. | cell | cell": a table row numbered with dots. */
        ROW("row", false, "^(\\d+(?:\\.\\d+)*)(\\.)\\s*(.*\\|.*)$"),
        /** "28. Text", "11-1. Text", "1.Text": a point, numbered in sequence through its part. */
        POINT("point", false, "^(\\d+(?:-\\d+)?)(\\.)(?!\\d)\\s*(.*)$"),
        /** "1) text", "- 1) text", "б) text": a sub-point, numbered in sequence within its unit. */
        ITEM("subpoint", false, "^(?:-\\s*)?(\\d+|б)(\\))\\s*(.*)$"),
        /** "Глава 1. Heading", "1-тарау. Heading". */
        CHAPTER("chapter", true, "^(?:Глава\\s+(\\d+)|(\\d+)-тарау)(\\.)\\s*(.*)$"),
        /** "Статья 190. Heading". */
        ARTICLE("article", true, "^Статья\\s+(\\d+(?:-\\d+)?)(\\.)\\s*(.*)$"),
        /** A heading line named in the outline (a text that numbers its headings the way it numbers its points). */
        LISTED("section", true, "^(\\d+)(\\.)\\s*(.*)$"),
        /** A line holding only a number: a row of a table laid out one cell a line. */
        NUMBER_LINE("row", true, "^(\\d+)()()$"),
        /** "| 1 | cell | cell |": a numbered row of a table in "|" cells. */
        TABLE_ROW("row", false, "^\\|\\s*(\\d+)(\\.?)\\s*\\|(.*)$");

        final String kind;
        final boolean headed;
        final Pattern pattern;

        Style(String kind, boolean headed, String pattern) {
            this.kind = kind;
            this.headed = headed;
            this.pattern = Pattern.compile(pattern, Pattern.UNICODE_CHARACTER_CLASS);
        }

        static Style of(String name) {
            try {
                return valueOf(name.toUpperCase(Locale.ROOT).replace('-', '_'));
            } catch (IllegalArgumentException | NullPointerException e) {
                throw new KnowledgeBaseException("unknown numbering style \"" + name + "\" in an outline");
            }
        }
    }

    private static final Pattern NOTE = Pattern.compile("^(?:Сноска|Ескерту)\\.", Pattern.UNICODE_CHARACTER_CLASS);
    /** Marks of a web page's paragraph menus ("• 1") and empty table rows ("| |||||"): not text of the act. */
    private static final Pattern IGNORED = Pattern.compile("^(?:•\\s*\\d*|[|\\s]+)$", Pattern.UNICODE_CHARACTER_CLASS);
    /** An enumeration whose first item runs on in the line that introduces it ("…«как будет»: 1) типы заявлений."). */
    private static final Pattern FIRST_ITEM_IN_LINE = Pattern.compile(":\\s+(1\\)\\s)", Pattern.UNICODE_CHARACTER_CLASS);
    /** A heading run together with the first sentence after it ("…муниципальных услуг.В отношении…"). */
    private static final Pattern HEADING_RUN_ON = Pattern.compile("(?<=\\p{Ll})\\.(?=\\p{Lu})", Pattern.UNICODE_CHARACTER_CLASS);

    public List<Clause> split(String text, TextOutline outline) {
        List<Line> lines = lines(text);
        List<Node> parts = parts(lines, outline);
        Map<String, Node> partsById = new HashMap<>();
        List<Node> roots = new ArrayList<>();
        for (Node part : parts) {
            String parentId = part.part.parent();
            if (parentId != null) {
                Node parent = partsById.get(parentId);
                if (parent == null) {
                    throw new KnowledgeBaseException("part " + part.part.id() + " lies in " + parentId
                            + ", which is no earlier part of the outline");
                }
                parent.content.add(part);
                part.parent = parent;
            } else {
                roots.add(part);
            }
            if (part.part.id() != null) {
                partsById.put(part.part.id(), part);
            }
        }
        List<Clause> clauses = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (Node root : roots) {
            emit(root, null, text, clauses, ids);
        }
        clauses.sort(java.util.Comparator.comparingInt(Clause::from).thenComparing(c -> -c.to()));
        return clauses;
    }

    // ---- lines -------------------------------------------------------------------------------------------------

    /** A non-blank line: its trimmed bounds in the text, its trimmed content, and whether it is laid out as a table. */
    private record Line(int from, int to, String content, boolean table) {
    }

    private static List<Line> lines(String text) {
        List<Line> lines = new ArrayList<>();
        int start = 0;
        while (start <= text.length()) {
            int end = text.indexOf('\n', start);
            if (end < 0) {
                end = text.length();
            }
            String raw = text.substring(start, end);
            int from = start;
            int to = end;
            while (from < to && isSpace(text.charAt(from))) {
                from++;
            }
            while (to > from && isSpace(text.charAt(to - 1))) {
                to--;
            }
            if (from < to) {
                String content = text.substring(from, to);
                boolean table = raw.contains("\t") || content.startsWith("|") || content.contains(" | ");
                lines.add(new Line(from, to, content, table));
            }
            start = end + 1;
        }
        // "…: 1) first item": the first item of a list starts a line of its own (whether it is an item is decided
        // as for any line: in sequence or not).
        List<Line> split = new ArrayList<>();
        for (Line line : lines) {
            Matcher inLine = FIRST_ITEM_IN_LINE.matcher(line.content());
            if (inLine.find()) {
                int at = line.from() + inLine.start(1);
                int before = line.from() + inLine.start() + 1;
                split.add(new Line(line.from(), before, text.substring(line.from(), before), false));
                split.add(new Line(at, line.to(), text.substring(at, line.to()), false));
            } else {
                split.add(line);
            }
        }
        return split;
    }

    /** A line that is no text of the act (a web page's menu mark, an empty table row): it lies in no clause of its own. */
    static boolean isIgnored(String line) {
        return IGNORED.matcher(line.strip()).matches();
    }

    /** Spaces, tabs and the no-break spaces of text copied from a web page or a word processor. */
    private static boolean isSpace(char c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c);
    }

    // ---- parts and units ---------------------------------------------------------------------------------------

    private static final class Node {
        final TextOutline.Part part;   // for a part
        final Style style;             // for a unit
        final int depth;
        final TextOutline.Level level;
        final String number;
        final String value;
        final int from;
        String heading;
        Node parent;
        Node runFirst;
        final List<Object> content = new ArrayList<>();

        Node(TextOutline.Part part, int from) {
            this.part = part;
            this.style = null;
            this.depth = -1;
            this.level = null;
            this.number = null;
            this.value = null;
            this.from = from;
        }

        Node(Style style, int depth, TextOutline.Level level, String number, String value, int from) {
            this.part = null;
            this.style = style;
            this.depth = depth;
            this.level = level;
            this.number = number;
            this.value = value;
            this.from = from;
        }

        int to() {
            int to = from;
            for (Object element : content) {
                to = Math.max(to, element instanceof Token t ? t.to : ((Node) element).to());
            }
            return to;
        }

        Token lastToken() {
            for (int i = content.size() - 1; i >= 0; i--) {
                if (content.get(i) instanceof Token t && t.kind != TokenKind.NOTE) {
                    return t;
                }
                if (content.get(i) instanceof Node) {
                    return null;
                }
            }
            return null;
        }

        Token firstToken() {
            for (Object element : content) {
                if (element instanceof Token t && t.kind != TokenKind.NOTE) {
                    return t;
                }
            }
            return null;
        }

        boolean hasUnits() {
            return content.stream().anyMatch(e -> e instanceof Node n && n.part == null);
        }

        String name() {
            return part != null ? "part " + part.id() : style.name().toLowerCase(Locale.ROOT) + " " + number;
        }
    }

    private enum TokenKind { HEADING, PREAMBLE, PARAGRAPH, NOTE }

    private static final class Token {
        final TokenKind kind;
        final int from;
        int to;
        String lastLine;
        /** For a paragraph that introduces one of several lists: the end of its list. */
        int listTo;

        Token(TokenKind kind, Line line) {
            this.kind = kind;
            this.from = line.from();
            this.to = line.to();
            this.lastLine = line.content();
        }

        boolean endsWith(char c) {
            return !lastLine.isEmpty() && lastLine.charAt(lastLine.length() - 1) == c;
        }
    }

    private List<Node> parts(List<Line> lines, TextOutline outline) {
        if (outline == null || outline.parts().isEmpty()) {
            throw new KnowledgeBaseException("an outline needs at least one part");
        }
        int[] starts = new int[outline.parts().size()];
        int search = 0;
        for (int i = 0; i < starts.length; i++) {
            TextOutline.Part part = outline.parts().get(i);
            int found = -1;
            for (int l = search; l < lines.size(); l++) {
                if (lines.get(l).content().startsWith(part.starts())) {
                    found = l;
                    break;
                }
            }
            if (found < 0) {
                throw new KnowledgeBaseException("part " + part.id() + ": no line starts with «" + part.starts()
                        + "» after the previous part");
            }
            starts[i] = found;
            search = found + 1;
        }
        if (starts[0] != 0) {
            throw new KnowledgeBaseException("the text has lines before its first part: «"
                    + lines.get(0).content() + "»");
        }
        List<Node> parts = new ArrayList<>();
        for (int i = 0; i < starts.length; i++) {
            int end = i + 1 < starts.length ? starts[i + 1] : lines.size();
            parts.add(part(outline.parts().get(i), lines.subList(starts[i], end)));
        }
        return parts;
    }

    private Node part(TextOutline.Part part, List<Line> lines) {
        Node node = new Node(part, lines.get(0).from());
        if (!part.split()) {
            Token all = new Token(TokenKind.PREAMBLE, lines.get(0));
            for (Line line : lines) {
                if (!IGNORED.matcher(line.content()).matches()) {
                    all.to = line.to();
                }
            }
            node.content.add(all);
            return node;
        }
        List<Style> styles = part.levels().stream().map(level -> Style.of(level.style())).toList();
        Deque<Node> stack = new ArrayDeque<>();
        stack.push(node);
        Map<Integer, String> lastInPart = new HashMap<>();
        Map<Integer, Node> firstInPart = new HashMap<>();
        Token previous = null;
        Deque<Line> pending = new ArrayDeque<>(lines);
        while (!pending.isEmpty()) {
            Line line = pending.pop();
            if (IGNORED.matcher(line.content()).matches()) {
                continue;
            }
            if (NOTE.matcher(line.content()).find()) {
                popFinishedEnumerations(stack);
                previous = new Token(TokenKind.NOTE, line);
                stack.peek().content.add(previous);
                continue;
            }
            Node unit = unit(part, styles, line, stack, lastInPart, firstInPart);
            if (unit != null) {
                stack.peek().content.add(unit);
                unit.parent = stack.peek();
                stack.push(unit);
                if (unit.style.headed) {
                    Matcher m = unit.style.pattern.matcher(line.content());
                    m.matches();
                    String rest = m.group(m.groupCount());
                    Matcher runOn = HEADING_RUN_ON.matcher(rest);
                    int headingEnd = line.to();
                    if (unit.style == Style.DOTTED && runOn.find()) {
                        headingEnd = line.to() - rest.length() + runOn.start() + 1;
                        int next = headingEnd;
                        pending.push(new Line(next, line.to(), line.content().substring(next - line.from()), false));
                        rest = rest.substring(0, runOn.start() + 1);
                    }
                    unit.heading = rest.isBlank() ? null : rest.strip();
                    Token heading = new Token(TokenKind.HEADING, line);
                    heading.to = headingEnd;
                    unit.content.add(heading);
                    previous = heading;
                } else {
                    previous = new Token(TokenKind.PARAGRAPH, line);
                    unit.content.add(previous);
                }
                continue;
            }
            if (previous != null && (previous.kind == TokenKind.PARAGRAPH || previous.kind == TokenKind.PREAMBLE)
                    && continues(previous, line)) {
                previous.to = line.to();
                previous.lastLine = line.content();
                continue;
            }
            Node top = stack.peek();
            Token last = top.lastToken();
            if (line.table() && last != null && last.kind != TokenKind.HEADING) {
                last.to = line.to();
                last.lastLine = line.content();
                previous = last;
                continue;
            }
            popFinishedEnumerations(stack);
            top = stack.peek();
            boolean preamble = top.part != null && !top.hasUnits();
            previous = new Token(preamble ? TokenKind.PREAMBLE : TokenKind.PARAGRAPH, line);
            top.content.add(previous);
        }
        return node;
    }

    /** The unit {@code line} opens, in sequence, or null; pops {@code stack} to the unit's parent when it is one. */
    private static Node unit(TextOutline.Part part, List<Style> styles, Line line, Deque<Node> stack,
                             Map<Integer, String> lastInPart, Map<Integer, Node> firstInPart) {
        for (TextOutline.Unnumbered unnumbered : part.unnumbered()) {
            if (line.content().startsWith(unnumbered.starts())) {
                int depth = 0;
                popTo(stack, depth, null, styles.get(depth));
                Node node = new Node(styles.get(depth), depth, part.levels().get(depth), null, unnumbered.number(),
                        line.from());
                lastInPart.put(depth, unnumbered.number());
                return node;
            }
        }
        for (int depth = 0; depth < styles.size(); depth++) {
            Style style = styles.get(depth);
            TextOutline.Level level = part.levels().get(depth);
            Matcher m = style.pattern.matcher(line.content());
            if (!m.matches()) {
                continue;
            }
            String digits = style == Style.CHAPTER ? (m.group(1) != null ? m.group(1) : m.group(2)) : m.group(1);
            if (style == Style.LISTED && !level.lines().contains(line.content())) {
                continue;
            }
            String printed = line.content().substring(0, style == Style.CHAPTER ? m.end(3) : m.end(2)).strip();
            Node parent = parentFor(stack, depth, digits, style);
            String value = switch (style) {
                case POINT -> level.restarts() ? inSequenceUnder(parent, depth, digits, false)
                        : inSequence(lastInPart.get(depth), digits, true) ? digits : null;
                case CHAPTER, ARTICLE -> lastInPart.get(depth) == null
                        || inSequence(lastInPart.get(depth), digits, false) ? digits : null;
                case ITEM, NUMBER_LINE, TABLE_ROW -> inSequenceUnder(parent, depth, digits, style == Style.ITEM);
                case DOTTED, ROW, LISTED -> digits;
            };
            if (value == null) {
                continue;
            }
            popTo(stack, depth, digits, style);
            Node node = new Node(style, depth, level, printed, value, line.from());
            if (style == Style.ITEM) {
                Node previousItem = lastChild(stack.peek(), depth);
                node.runFirst = previousItem != null && !value.equals("1") ? previousItem.runFirst : node;
            } else if (style == Style.POINT && level.restarts()) {
                Node previousPoint = lastChild(stack.peek(), depth);
                node.runFirst = previousPoint != null ? previousPoint.runFirst : node;
            } else if (style == Style.POINT) {
                node.runFirst = firstInPart.computeIfAbsent(depth, d -> node);
            }
            lastInPart.put(depth, value);
            return node;
        }
        return null;
    }

    /** The node a unit of {@code depth} would lie in, without changing the stack. */
    private static Node parentFor(Deque<Node> stack, int depth, String value, Style style) {
        for (Node node : stack) {
            if (node.part != null || accepts(node, depth, value, style)) {
                return node;
            }
        }
        throw new IllegalStateException("a part is always at the bottom of the stack");
    }

    private static void popTo(Deque<Node> stack, int depth, String value, Style style) {
        while (stack.peek().part == null && !accepts(stack.peek(), depth, value, style)) {
            stack.pop();
        }
    }

    /** Whether a unit of {@code depth} (number {@code value}) lies inside {@code node}. */
    private static boolean accepts(Node node, int depth, String value, Style style) {
        if (node.depth < depth) {
            return true;
        }
        if (node.depth == depth && (style == Style.DOTTED || style == Style.ROW) && value != null) {
            return value.startsWith(node.value + ".");
        }
        return false;
    }

    private static Node lastChild(Node parent, int depth) {
        for (int i = parent.content.size() - 1; i >= 0; i--) {
            if (parent.content.get(i) instanceof Node n && n.part == null && n.depth == depth) {
                return n;
            }
        }
        return null;
    }

    /** The value of a sub-point or row numbered {@code digits} under {@code parent}, or null when out of sequence. */
    private static String inSequenceUnder(Node parent, int depth, String digits, boolean restarts) {
        Node last = lastChild(parent, depth);
        int expected = last == null ? 1 : Integer.parseInt(last.value) + 1;
        int value = digits.equals("б") ? 6 : Integer.parseInt(digits);
        if (digits.equals("б") && expected != 6) {
            return null;
        }
        if (value == expected || (restarts && value == 1)) {
            return Integer.toString(value);
        }
        return null;
    }

    /** "12" after "11", "11-1" after "11", "12" after "11-1"; the first of a part is "1" when {@code fromOne}. */
    private static boolean inSequence(String last, String value, boolean fromOne) {
        if (last == null) {
            return !fromOne || value.equals("1");
        }
        String[] was = last.split("-");
        String[] is = value.split("-");
        int base = Integer.parseInt(was[0]);
        if (is.length == 1) {
            return Integer.parseInt(is[0]) == base + 1;
        }
        int sub = was.length == 1 ? 0 : Integer.parseInt(was[1]);
        return Integer.parseInt(is[0]) == base && Integer.parseInt(is[1]) == sub + 1;
    }

    /** A line continuing the previous line's sentence: lower-case or "№" after a line without closing punctuation. */
    private static boolean continues(Token previous, Line line) {
        if (line.table()) {
            return false;
        }
        char end = previous.lastLine.charAt(previous.lastLine.length() - 1);
        if (".;:!?".indexOf(end) >= 0) {
            return false;
        }
        char first = line.content().charAt(0);
        return Character.isLowerCase(first) || first == '№';
    }

    private static void popFinishedEnumerations(Deque<Node> stack) {
        while (stack.peek().part == null && endsEnumeration(stack.peek())) {
            stack.pop();
        }
    }

    /** The last item of an enumeration ("…;" items, the last ending with "."): what follows is not part of it. */
    private static boolean endsEnumeration(Node unit) {
        if (unit.runFirst == null) {
            return false;
        }
        Token first = unit.runFirst.firstToken();
        Token last = unit.lastToken();
        return first != null && first.endsWith(';') && last != null && last.endsWith('.');
    }

    // ---- ids and clauses ---------------------------------------------------------------------------------------

    private static void emit(Node node, String parentId, String text, List<Clause> clauses, Set<String> ids) {
        String id;
        String kind;
        if (node.part != null) {
            id = node.part.id();
            kind = node.part.kind();
            if (id == null && node.content.stream().anyMatch(e -> e instanceof Token)) {
                throw new KnowledgeBaseException("a part without an id has text of its own: give it an id");
            }
        } else {
            String template = node.level.id() == null ? "{n}" : node.level.id();
            id = template.replace("{n}", node.value);
            if (template.contains("{parent}")) {
                id = id.replace("{parent}", requireParent(parentId, node));
            }
            kind = node.style.kind;
        }
        int to = node.to();
        if (id != null) {
            add(clauses, ids, new Clause(id, kind, parentId, node.number, node.heading, node.from, to,
                    text.substring(node.from, to)));
        }
        String own = id != null ? id : parentId;

        List<Token> paragraphs = node.content.stream().filter(e -> e instanceof Token t && t.kind == TokenKind.PARAGRAPH)
                .map(e -> (Token) e).toList();
        Map<Token, String> paragraphIds = new HashMap<>();
        if (paragraphs.size() >= 2) {
            for (int i = 0; i < paragraphs.size(); i++) {
                paragraphIds.put(paragraphs.get(i), own + " абз. " + (i + 1));
            }
        }
        // Several lists numbered from 1 in one unit: each list belongs to the paragraph that introduces it.
        Map<Node, Token> introducedBy = new HashMap<>();
        Map<Integer, Long> runs = new HashMap<>();
        for (Object element : node.content) {
            if (element instanceof Node n && n.runFirst == n) {
                runs.merge(n.depth, 1L, Long::sum);
            }
        }
        Token lastParagraph = null;
        for (Object element : node.content) {
            if (element instanceof Token t && t.kind == TokenKind.PARAGRAPH) {
                lastParagraph = t;
            } else if (element instanceof Node n && n.runFirst != null && runs.getOrDefault(n.depth, 0L) > 1) {
                if (lastParagraph == null || !paragraphIds.containsKey(lastParagraph)) {
                    throw new KnowledgeBaseException(node.name() + " holds several lists, and the list starting at "
                            + n.name() + " follows no paragraph of its own");
                }
                introducedBy.put(n, lastParagraph);
                lastParagraph.listTo = Math.max(lastParagraph.listTo, n.to());
            }
        }
        int notes = (int) node.content.stream().filter(e -> e instanceof Token t && t.kind == TokenKind.NOTE).count();
        int note = 0;
        for (Object element : node.content) {
            if (element instanceof Token t) {
                if (t.kind == TokenKind.NOTE) {
                    note++;
                    add(clauses, ids, new Clause(own + " сноска" + (notes > 1 ? " " + note : ""), "note", own, null,
                            null, t.from, t.to, text.substring(t.from, t.to)));
                } else if (paragraphIds.containsKey(t)) {
                    int end = Math.max(t.to, t.listTo);
                    add(clauses, ids, new Clause(paragraphIds.get(t), "paragraph", own, null, null, t.from, end,
                            text.substring(t.from, end)));
                }
            } else {
                Node child = (Node) element;
                Token intro = introducedBy.get(child);
                emit(child, intro != null ? paragraphIds.get(intro) : own, text, clauses, ids);
            }
        }
    }

    private static String requireParent(String parentId, Node node) {
        if (parentId == null) {
            throw new KnowledgeBaseException(node.name() + " is named after the clause it lies in, but lies in none");
        }
        return parentId;
    }

    private static void add(List<Clause> clauses, Set<String> ids, Clause clause) {
        if (!ids.add(clause.id())) {
            throw new KnowledgeBaseException("two clauses would be named \"" + clause.id() + "\" (the second at "
                    + clause.from() + ": «" + clause.text().lines().findFirst().orElse("") + "»)");
        }
        clauses.add(clause);
    }
}
