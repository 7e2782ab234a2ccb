package fr.capsules.app.document;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.Locale;
import java.util.Map;
import org.springframework.http.MediaType;

/**
 * How an uploaded original goes back to a browser, whatever its name holds: always as an attachment, with its own type
 * only when that type cannot run in the page's origin (PDF and raster images), everything else (HTML, SVG, XML, text,
 * office files) as {@code application/octet-stream}; and with a {@code Content-Disposition} whose two names are both
 * sanitised: the plain {@code filename=} is printable ASCII with no quote, backslash, markup or path character, the
 * {@code filename*=} (RFC 6266 / 8187) keeps the accented name with control, format (bidirectional overrides) and
 * reserved characters replaced.
 */
record OriginalDownload(MediaType contentType, String contentDisposition) {

    /** Types a browser renders without running anything of the file in the service's origin. */
    private static final Map<String, MediaType> KEPT = Map.of(
            "pdf", MediaType.APPLICATION_PDF,
            "png", MediaType.IMAGE_PNG,
            "jpg", MediaType.IMAGE_JPEG,
            "jpeg", MediaType.IMAGE_JPEG,
            "gif", MediaType.IMAGE_GIF,
            "webp", MediaType.parseMediaType("image/webp"),
            "tif", MediaType.parseMediaType("image/tiff"),
            "tiff", MediaType.parseMediaType("image/tiff"),
            "bmp", MediaType.parseMediaType("image/bmp"));
    private static final int MAX_NAME = 150;
    private static final String FALLBACK = "document";

    static OriginalDownload of(String fileName) {
        String name = unicodeName(fileName);
        MediaType type = KEPT.getOrDefault(extension(name), MediaType.APPLICATION_OCTET_STREAM);
        String header = "attachment; filename=\"" + asciiName(name) + "\"; filename*=UTF-8''" + encoded(name);
        return new OriginalDownload(type, header);
    }

    private static String extension(String name) {
        int dot = name.lastIndexOf('.');
        return dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
    }

    /** The name in Unicode (NFC) with what no file name should hold replaced by {@code _}. */
    static String unicodeName(String raw) {
        String text = Normalizer.normalize(raw == null ? "" : raw, Normalizer.Form.NFC);
        int slash = Math.max(text.lastIndexOf('/'), text.lastIndexOf('\\'));
        text = text.substring(slash + 1);
        StringBuilder name = new StringBuilder();
        text.codePoints().forEach(c -> {
            int type = Character.getType(c);
            boolean invisible = type == Character.CONTROL || type == Character.FORMAT || type == Character.SURROGATE
                    || type == Character.PRIVATE_USE || type == Character.UNASSIGNED || type == Character.LINE_SEPARATOR
                    || type == Character.PARAGRAPH_SEPARATOR;
            if (invisible || "<>:\"/\\|?*;%".indexOf(c) >= 0) {
                name.append('_');
            } else if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
                name.append(' ');
            } else {
                name.appendCodePoint(c);
            }
        });
        String clean = name.toString().replaceAll(" {2,}", " ").replaceAll("_{2,}", "_").replaceAll("^[ ._]+|[ .]+$", "");
        if (clean.codePointCount(0, clean.length()) > MAX_NAME) {
            clean = clean.substring(0, clean.offsetByCodePoints(0, MAX_NAME));
        }
        return clean.isEmpty() ? FALLBACK : clean;
    }

    /** The same name in printable ASCII: accents dropped, anything else non-ASCII replaced by {@code _}. */
    static String asciiName(String unicodeName) {
        String ascii = Normalizer.normalize(unicodeName, Normalizer.Form.NFD).replaceAll("\\p{M}", "")
                .replace("œ", "oe").replace("Œ", "OE").replace("æ", "ae").replace("Æ", "AE").replace("ß", "ss")
                .replaceAll("[^\\x20-\\x7E]", "_")
                .replaceAll("_{2,}", "_");
        return ascii.isBlank() ? FALLBACK : ascii;
    }

    /** RFC 8187 value: UTF-8, percent-encoded except the attribute characters. */
    private static String encoded(String name) {
        return URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20").replace("*", "%2A").replace("%7E", "~");
    }
}
