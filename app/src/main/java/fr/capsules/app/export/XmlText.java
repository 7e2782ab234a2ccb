package fr.capsules.app.export;

/**
 * Text that can be written into XML (Office Open XML, XMP): POI writes whatever it is given, and a single invalid
 * character such as U+0001 or a lone surrogate makes Word or Excel refuse the whole file.
 */
final class XmlText {

    private XmlText() {}

    /** Removes the code points XML 1.0 does not allow; tabs and line breaks are kept. */
    static String safe(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder safe = new StringBuilder(text.length());
        text.codePoints().filter(XmlText::allowed).forEach(safe::appendCodePoint);
        return safe.toString();
    }

    private static boolean allowed(int c) {
        return c == 0x9 || c == 0xA || c == 0xD
                || (c >= 0x20 && c <= 0xD7FF)
                || (c >= 0xE000 && c <= 0xFFFD)
                || (c >= 0x10000 && c <= 0x10FFFF);
    }
}
