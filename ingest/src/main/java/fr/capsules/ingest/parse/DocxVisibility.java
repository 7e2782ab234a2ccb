package fr.capsules.ingest.parse;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.poi.ooxml.util.POIXMLUnits;
import org.apache.poi.xwpf.usermodel.IRunElement;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFSDT;
import org.apache.poi.xwpf.usermodel.XWPFStyle;
import org.apache.poi.xwpf.usermodel.XWPFStyles;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTRPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTStyle;

/**
 * The text of Word paragraphs as a reader sees it: runs marked hidden ({@code w:vanish}, directly
 * or through their character or paragraph style), white runs on an unshaded background, and runs
 * under 2 points are set aside as {@link HiddenText}. Paragraphs without such runs read exactly as
 * before. Not thread-safe: one instance per document.
 */
final class DocxVisibility {

    private static final double MIN_READABLE_POINTS = 2.0;

    private final XWPFStyles styles;
    private final List<HiddenText> hidden = new ArrayList<>();

    DocxVisibility(XWPFStyles styles) {
        this.styles = styles;
    }

    List<HiddenText> hiddenText() {
        return List.copyOf(hidden);
    }

    /** The paragraph's visible text. */
    String text(XWPFParagraph paragraph) {
        return text(paragraph, false);
    }

    /** The cell's visible text, paragraphs one per line; white text counts as visible in a shaded cell. */
    String text(XWPFTableCell cell) {
        boolean shaded = isShading(cell.getColor());
        boolean anyHidden = cell.getParagraphs().stream().anyMatch(p -> p.getRuns().stream()
                .anyMatch(r -> hiddenBecause(r, p, shaded || paragraphShaded(p)) != null));
        if (!anyHidden) {
            return cell.getText();
        }
        List<String> paragraphs = new ArrayList<>();
        for (XWPFParagraph p : cell.getParagraphs()) {
            paragraphs.add(text(p, shaded));
        }
        return String.join("\n", paragraphs);
    }

    private String text(XWPFParagraph paragraph, boolean shadedContainer) {
        boolean shaded = shadedContainer || paragraphShaded(paragraph);
        boolean anyHidden = paragraph.getRuns().stream().anyMatch(r -> hiddenBecause(r, paragraph, shaded) != null);
        if (!anyHidden) {
            return paragraph.getText();
        }
        StringBuilder visible = new StringBuilder();
        for (IRunElement element : paragraph.getIRuns()) {
            if (element instanceof XWPFRun run) {
                HiddenText.Kind kind = hiddenBecause(run, paragraph, shaded);
                if (kind == null) {
                    visible.append(run.text());
                } else {
                    HiddenText fragment = HiddenText.of(kind, 0, run.text());
                    if (fragment != null) {
                        merge(fragment);
                    }
                }
            } else if (element instanceof XWPFSDT sdt) {
                visible.append(sdt.getContent().getText());
            }
        }
        return visible.toString();
    }

    /** Consecutive hidden runs of the same kind are one fragment, as a reader would quote them. */
    private void merge(HiddenText fragment) {
        if (!hidden.isEmpty() && hidden.getLast().kind() == fragment.kind()) {
            HiddenText last = hidden.removeLast();
            hidden.add(new HiddenText(last.kind(), 0, last.characters() + fragment.characters(),
                    last.excerpt() + fragment.excerpt()));
        } else {
            hidden.add(fragment);
        }
    }

    private HiddenText.Kind hiddenBecause(XWPFRun run, XWPFParagraph paragraph, boolean shaded) {
        if (run.isVanish() || styleVanishes(run.getStyle()) || styleVanishes(paragraph.getStyleID())) {
            return HiddenText.Kind.HIDDEN_FORMATTING;
        }
        Double size = run.getFontSizeAsDouble();
        if (size != null && size < MIN_READABLE_POINTS) {
            return HiddenText.Kind.TINY_FONT;
        }
        String colour = run.getColor();
        if (colour != null && isWhite(colour) && !shaded && !run.isHighlighted() && !runShaded(run)) {
            return HiddenText.Kind.BACKGROUND_COLOUR;
        }
        return null;
    }

    private boolean styleVanishes(String styleId) {
        for (int depth = 0; styleId != null && styles != null && depth < 10; depth++) {
            XWPFStyle style = styles.getStyle(styleId);
            if (style == null) {
                return false;
            }
            CTStyle ct = style.getCTStyle();
            CTRPr properties = ct.getRPr();
            if (properties != null && properties.sizeOfVanishArray() > 0) {
                return POIXMLUnits.parseOnOff(properties.getVanishArray(0));
            }
            styleId = ct.getBasedOn() == null ? null : ct.getBasedOn().getVal();
        }
        return false;
    }

    private static boolean paragraphShaded(XWPFParagraph paragraph) {
        var properties = paragraph.getCTPPr();
        return properties != null && properties.isSetShd() && isShading(fillOf(properties.getShd()));
    }

    private static boolean runShaded(XWPFRun run) {
        CTRPr properties = run.getCTR().getRPr();
        return properties != null && properties.sizeOfShdArray() > 0 && isShading(fillOf(properties.getShdArray(0)));
    }

    private static String fillOf(org.openxmlformats.schemas.wordprocessingml.x2006.main.CTShd shd) {
        Object fill = shd.getFill();
        return fill == null ? null : fill.toString();
    }

    private static boolean isShading(String fill) {
        return fill != null && !fill.equalsIgnoreCase("auto") && !isWhite(fill);
    }

    private static boolean isWhite(String hex) {
        String h = hex.toLowerCase(Locale.ROOT);
        return h.equals("ffffff") || h.equals("fefefe") || h.equals("fffffe");
    }
}
