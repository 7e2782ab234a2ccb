package fr.capsules.ingest.pseudonymize;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A benchmark document: text with inline annotations {@code [[LABEL|text]]} or {@code
 * [[LABEL#id|text]]}, read into the plain text a pseudonymiser sees and the annotated spans in it.
 * The format is described in {@code src/test/resources/pseudonymisation/README.md}.
 */
record AnnotatedText(String name, String text, List<Annotation> annotations) {

    /** One annotated span of the plain text; {@code id} (may be null) ties mentions of one person. */
    record Annotation(String label, String id, int start, int end, String text) {

        boolean overlaps(int otherStart, int otherEnd) {
            return start < otherEnd && otherStart < end;
        }
    }

    private static final Pattern ANNOTATION = Pattern.compile("\\[\\[([^|\\]#]+)(?:#([^|\\]]+))?\\|([^\\]]*)\\]\\]");

    static AnnotatedText parse(String name, String annotated) {
        StringBuilder plain = new StringBuilder(annotated.length());
        List<Annotation> annotations = new ArrayList<>();
        Matcher m = ANNOTATION.matcher(annotated);
        int at = 0;
        while (m.find()) {
            plain.append(annotated, at, m.start());
            int start = plain.length();
            plain.append(m.group(3));
            annotations.add(new Annotation(m.group(1), m.group(2), start, plain.length(), m.group(3)));
            at = m.end();
        }
        plain.append(annotated, at, annotated.length());
        if (plain.indexOf("[[") >= 0 || plain.indexOf("]]") >= 0) {
            throw new IllegalArgumentException(name + ": unbalanced annotation near \""
                    + plain.substring(Math.max(0, plain.indexOf("[[")), Math.min(plain.length(), plain.indexOf("[[") + 40)) + "\"");
        }
        return new AnnotatedText(name, plain.toString(), List.copyOf(annotations));
    }
}
