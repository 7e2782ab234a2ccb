package fr.capsules.ingest.parse;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A YAML front matter block ({@code ---} … {@code ---} at the very top of a Markdown file): its
 * {@code title:} and the text that follows it. Only the title is read; no YAML parser is needed.
 *
 * @param title the unquoted title, or null
 * @param body the Markdown after the block (the whole text when there is no block)
 */
record FrontMatter(String title, String body) {

    private static final Pattern BLOCK =
            Pattern.compile("\\A\\uFEFF?---[ \\t]*\\r?\\n(.*?)\\r?\\n(?:---|\\.\\.\\.)[ \\t]*(?:\\r?\\n|\\z)", Pattern.DOTALL);
    private static final Pattern TITLE = Pattern.compile("^title[ \\t]*:[ \\t]*(.*?)[ \\t]*$", Pattern.MULTILINE);

    static FrontMatter split(String markdown) {
        Matcher block = BLOCK.matcher(markdown);
        if (!block.find()) {
            return new FrontMatter(null, markdown);
        }
        String title = null;
        Matcher t = TITLE.matcher(block.group(1));
        if (t.find()) {
            title = unquote(t.group(1));
        }
        return new FrontMatter(title == null || title.isBlank() ? null : title, markdown.substring(block.end()));
    }

    private static String unquote(String value) {
        if (value.length() >= 2
                && (value.startsWith("\"") && value.endsWith("\"") || value.startsWith("'") && value.endsWith("'"))) {
            return value.substring(1, value.length() - 1);
        }
        return value;
    }
}
