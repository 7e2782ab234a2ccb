package fr.capsules.ingest.parse;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;

/**
 * Reads an HTML page with jsoup (see {@link HtmlBlockWalker}). The charset is the one declared in
 * a {@code <meta>} tag when there is one and no byte order mark contradicts it; otherwise it is
 * detected like a text file. {@code <title>} becomes the metadata title.
 */
final class HtmlParser implements DocumentParser {

    private static final Pattern META_CHARSET =
            Pattern.compile("<meta[^>]+charset\\s*=\\s*[\"']?\\s*([A-Za-z0-9_:.-]+)", Pattern.CASE_INSENSITIVE);
    private static final int META_WINDOW = 4096;

    @Override
    public DocumentFormat format() {
        return DocumentFormat.HTML;
    }

    @Override
    public ParsedDocument parse(byte[] content, ParseContext context) {
        List<String> warnings = new ArrayList<>();
        Document document = Jsoup.parse(decode(content, warnings));
        context.checkpoint();
        TextBudget budget = new TextBudget(context.limits());
        List<Block> blocks = new ArrayList<>();
        HtmlBlockWalker walker = new HtmlBlockWalker(context, new HtmlVisibility(document));
        for (Block block : walker.blocksOf(document.body())) {
            if (!budget.admit(block)) {
                break;
            }
            blocks.add(block);
        }
        budget.reportTo(warnings);
        String title = document.title().strip();
        return new ParsedDocument(DocumentFormat.HTML, title.isEmpty() ? null : title, 0, blocks, warnings,
                walker.hiddenText());
    }

    private static String decode(byte[] content, List<String> warnings) {
        TextDecoding.Decoded detected = TextDecoding.decode(content);
        Charset declared = declaredCharset(content);
        // A BOM or valid UTF-8 is stronger evidence than a meta tag copied from a template, and a
        // declared UTF-8 that does not decode is a lie.
        if (declared == null || detected.certain() || declared.equals(StandardCharsets.UTF_8)) {
            detected.reportTo(warnings);
            return detected.text();
        }
        return new String(content, declared);
    }

    private static Charset declaredCharset(byte[] content) {
        String head = new String(content, 0, Math.min(content.length, META_WINDOW), StandardCharsets.ISO_8859_1);
        Matcher m = META_CHARSET.matcher(head);
        if (!m.find()) {
            return null;
        }
        try {
            Charset charset = Charset.forName(m.group(1));
            // Browsers read a declared latin-1 as windows-1252 (WHATWG encoding standard).
            return charset.equals(StandardCharsets.ISO_8859_1) ? TextDecoding.WINDOWS_1252 : charset;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
