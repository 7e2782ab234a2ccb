package fr.capsules.app.table;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Splits lines of text into findings; the rules are those documented on {@link FindingsParser}.
 * Stateless: each call works on its own {@link Reading}.
 */
final class LineFindings {

    /** "Établissement : …", "Inspecteurs : …": a short label, a colon, a value. */
    private static final java.util.regex.Pattern FIELD = java.util.regex.Pattern.compile("^[\\p{L}'’ ]{2,30}\\s?:\\s*\\S");

    private LineFindings() {}

    /** The findings read, and the lines before them that are context (title, date, establishment). */
    record Result(List<UnnumberedFinding> findings, List<String> context) {}

    static List<UnnumberedFinding> read(List<SourceLine> lines) {
        return readWithContext(lines).findings();
    }

    /**
     * Reads the findings; lines before the first finding that are context are set aside: with
     * markers, every unmarked line before the first marked one; without, the leading lines that
     * read as context ({@link FindingsContext#looksLikeContext}). An e-mail's headers, quotes and
     * signature are sorted out first ({@link MailText}).
     */
    static Result readWithContext(List<SourceLine> input) {
        MailText.Result mail = MailText.of(input);
        List<String> context = new ArrayList<>(mail.context());
        List<Line> classified = mail.lines().stream().map(Line::classify).toList();
        boolean marked = classified.stream().anyMatch(line -> line.marker != null);
        int first = 0;
        while (first < classified.size() && isLeadingContext(classified.get(first), marked)) {
            Line line = classified.get(first);
            if (line.section.isEmpty()) {
                context.add(line.source.text());
            }
            first++;
        }
        Reading reading = new Reading();
        // Typed headings among the context lines still set the type of what follows.
        classified.subList(0, first).stream().filter(Line::isHeading).forEach(reading::heading);
        List<Line> body = classified.subList(first, classified.size());
        if (marked) {
            body.forEach(reading::markedLine);
        } else {
            boolean paragraphs = separatedByBlankLines(body);
            body.forEach(line -> reading.unmarkedLine(line, paragraphs));
        }
        reading.close();
        return new Result(reading.findings, context);
    }

    private static boolean isLeadingContext(Line line, boolean marked) {
        if (line.isHeading()) {
            return true;
        }
        if (line.marker != null) {
            return false;
        }
        String text = line.source.text();
        // Before numbered findings, a title or a "field : value" line ("Inspecteurs : Mme P.") is not a finding.
        return (marked && (!FindingText.endsSentence(text) || FIELD.matcher(text).find()))
                || FindingsContext.looksLikeContext(text);
    }

    /** True when a blank line separates two lines of findings (not a heading from a finding). */
    private static boolean separatedByBlankLines(List<Line> lines) {
        boolean contentBefore = false;
        for (Line line : lines) {
            if (line.isHeading()) {
                contentBefore = false;
            } else {
                if (contentBefore && line.source.afterBlank()) {
                    return true;
                }
                contentBefore = true;
            }
        }
        return false;
    }

    /**
     * A line and what it is: a section heading (typed or not), a marked line that opens a finding,
     * or a plain line.
     */
    private record Line(SourceLine source, Optional<SectionHeading> section, FindingMarker marker) {

        static Line classify(SourceLine source) {
            Optional<SectionHeading> section = SectionHeading.of(source.text());
            if (source.heading() || section.isPresent()) {
                return new Line(source, section, null);
            }
            FindingMarker marker = FindingMarker.at(source.text()).orElse(null);
            if (marker != null && !marker.rest().isBlank()) {
                // "1. Écarts constatés" numbers a section, not a finding.
                Optional<SectionHeading> numbered = SectionHeading.of(marker.rest());
                if (numbered.isPresent()) {
                    return new Line(source, numbered, null);
                }
            }
            return new Line(source, Optional.empty(), marker);
        }

        boolean isHeading() {
            return source.heading() || section.isPresent();
        }
    }

    private static final class Reading {

        final List<UnnumberedFinding> findings = new ArrayList<>();
        FindingType sectionType;
        Open open;

        void markedLine(Line line) {
            if (line.source.nested() && open != null) {
                open.subList = true;
                open.append(line.marker == null ? line.source.text() : line.marker.rest());
            } else if (line.isHeading()) {
                heading(line);
            } else if (line.marker != null) {
                FindingMarker marker = line.marker;
                // A bulleted enumeration announced by "…suivantes :" inside a numbered finding
                // belongs to that finding.
                if (open != null && marker.enumerates() && !open.bullet && (open.subList || open.endsWithColon())) {
                    open.subList = true;
                    open.append(marker.rest());
                } else {
                    close();
                    open = new Open(marker.label(), marker.type(), marker.bullet(), marker.rest());
                }
            } else if (open != null && !(line.source.afterBlank() && FindingText.endsSentence(open.text.toString()))) {
                open.append(line.source.text());
            } else {
                close();
                open = new Open("", null, false, line.source.text());
            }
        }

        void unmarkedLine(Line line, boolean paragraphs) {
            if (line.source.nested() && open != null) {
                open.append(line.source.text());
            } else if (line.isHeading()) {
                heading(line);
            } else if (paragraphs && open != null && !line.source.afterBlank()) {
                open.append(line.source.text());
            } else {
                close();
                open = new Open("", null, false, line.source.text());
            }
        }

        void heading(Line line) {
            close();
            // A styled heading that names no type ("Gouvernance") keeps the current section's type.
            line.section.ifPresent(section -> sectionType = section.type());
        }

        void close() {
            if (open == null) {
                return;
            }
            String text = FindingText.clean(open.text.toString());
            if (!text.isEmpty()) {
                FindingType type = open.type != null ? open.type
                        : sectionType != null ? sectionType
                        : FindingWording.typeOf(text).orElse(null);
                findings.add(new UnnumberedFinding(open.label, text, type));
            }
            open = null;
        }
    }

    private static final class Open {

        final String label;
        final FindingType type;
        final boolean bullet;
        final StringBuilder text;
        boolean subList;

        Open(String label, FindingType type, boolean bullet, String first) {
            this.label = label;
            this.type = type;
            this.bullet = bullet;
            this.text = new StringBuilder(first);
        }

        void append(String line) {
            if (!text.isEmpty()) {
                text.append('\n');
            }
            text.append(line);
        }

        boolean endsWithColon() {
            return text.toString().stripTrailing().endsWith(":");
        }
    }
}
