package fr.capsules.ingest.parse;

import java.math.BigInteger;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFStyle;
import org.apache.poi.xwpf.usermodel.XWPFStyles;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTDecimalNumber;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPPrBase;

/**
 * The heading level of a Word paragraph, from its own outline level or its style: built-in
 * "heading N" (ids "Heading1", "Titre1" in French Word), "Title", any style with an outline level,
 * or a custom style based on one of those.
 */
final class DocxHeadingLevels {

    private static final Pattern NUMBERED_STYLE =
            Pattern.compile("(?:heading|titre|berschrift|titolo|título)\\s*([1-9])");
    private static final int MAX_BASED_ON_DEPTH = 10;
    /** Outline level 9 in Word means "body text". */
    private static final int BODY_OUTLINE_LEVEL = 9;

    private final XWPFStyles styles;

    DocxHeadingLevels(XWPFStyles styles) {
        this.styles = styles;
    }

    /** 1..9 for a heading, 0 for body text. */
    int levelOf(XWPFParagraph paragraph) {
        int own = outlineLevel(paragraph.getCTP().getPPr());
        if (own > 0) {
            return own;
        }
        String styleId = paragraph.getStyleID();
        for (int depth = 0; styleId != null && depth < MAX_BASED_ON_DEPTH; depth++) {
            int byName = levelFromName(styleId);
            XWPFStyle style = styles == null ? null : styles.getStyle(styleId);
            if (style == null) {
                return byName;
            }
            if (byName == 0) {
                byName = levelFromName(style.getName());
            }
            if (byName > 0) {
                return byName;
            }
            int outline = outlineLevel(style.getCTStyle().getPPr());
            if (outline > 0) {
                return outline;
            }
            styleId = style.getBasisStyleID();
        }
        return 0;
    }

    private static int levelFromName(String name) {
        if (name == null) {
            return 0;
        }
        String n = name.toLowerCase(Locale.ROOT).strip();
        if (n.equals("title") || n.equals("titre")) {
            return 1;
        }
        Matcher m = NUMBERED_STYLE.matcher(n);
        return m.matches() ? Integer.parseInt(m.group(1)) : 0;
    }

    private static int outlineLevel(CTPPrBase pPr) {
        if (pPr == null || !pPr.isSetOutlineLvl()) {
            return 0;
        }
        CTDecimalNumber lvl = pPr.getOutlineLvl();
        BigInteger val = lvl.getVal();
        if (val == null || val.intValue() < 0 || val.intValue() >= BODY_OUTLINE_LEVEL) {
            return 0;
        }
        return val.intValue() + 1;
    }
}
