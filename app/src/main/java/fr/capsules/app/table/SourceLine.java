package fr.capsules.app.table;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * One non-blank line of the findings' source text, already normalised to one clean line.
 *
 * @param afterBlank a blank line (or a paragraph break) comes before it
 * @param heading the document styled it as a heading: never a finding
 * @param nested an item of a list nested under another item (a Word sub-bullet): part of the item above
 */
record SourceLine(String text, boolean afterBlank, boolean heading, boolean nested) {

    SourceLine(String text, boolean afterBlank, boolean heading) {
        this(text, afterBlank, heading, false);
    }

    private static final Pattern LINE_BREAKS = Pattern.compile("\\r\\n?|[\\n\\u000B\\u0085\\u2028]");

    /** The lines of pasted text; a form feed or U+2029 counts as a blank line. */
    static List<SourceLine> ofText(String text) {
        List<SourceLine> lines = new ArrayList<>();
        if (text == null) {
            return lines;
        }
        boolean blank = false;
        for (String raw : LINE_BREAKS.split(text.replaceAll("[\\f\\u2029]", "\n\n"), -1)) {
            String line = FindingText.inline(raw);
            if (line.isEmpty()) {
                blank = true;
            } else {
                lines.add(new SourceLine(line, blank, false));
                blank = false;
            }
        }
        return lines;
    }

    /** The lines of one document paragraph: the paragraph break counts as a blank line. */
    static List<SourceLine> ofParagraph(String paragraph) {
        List<SourceLine> lines = ofText(paragraph);
        if (!lines.isEmpty()) {
            SourceLine first = lines.getFirst();
            lines.set(0, new SourceLine(first.text(), true, false));
        }
        return lines;
    }

    /** The lines of a Word list item nested under another: each belongs to the item above. */
    static List<SourceLine> ofNestedItem(String paragraph) {
        return ofText(paragraph).stream().map(l -> new SourceLine(l.text(), true, false, true)).toList();
    }

    static SourceLine ofHeading(String heading) {
        return new SourceLine(FindingText.inline(heading), true, true);
    }
}
