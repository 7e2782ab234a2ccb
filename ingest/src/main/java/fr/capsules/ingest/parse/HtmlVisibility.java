package fr.capsules.ingest.parse;

import java.util.IdentityHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Selector;

/**
 * Which HTML elements a reader of the page does not see: the {@code hidden} attribute, and styles
 * that hide, whether inline or in the page's own {@code <style>} rules matched by jsoup's selector
 * engine: {@code display:none}, {@code visibility:hidden}, {@code opacity:0}, a font size under 2
 * px or pt, text of the colour of its background (or white without one), far off-screen positions,
 * zero-size clipped boxes. {@code aria-hidden} is not one of them: it hides from screen readers,
 * not from the eyes. External style sheets, scripts and rules under at-rules ({@code @media print}…)
 * are not read.
 */
final class HtmlVisibility {

    private static final Pattern RULE = Pattern.compile("([^{}@]+)\\{([^{}]*)}");
    private static final Pattern COMMENT = Pattern.compile("/\\*.*?\\*/", Pattern.DOTALL);
    /** At-rule blocks ({@code @media print}, {@code @supports}…), one level of nested rules. */
    private static final Pattern AT_RULE_BLOCK = Pattern.compile("@[^{};]*\\{(?:[^{}]*\\{[^{}]*})*[^{}]*}");
    private static final Pattern FONT_SIZE = Pattern.compile("(?:^|;)font-size:([0-9.]+)(px|pt|em|rem|%)?");
    private static final Pattern COLOUR = Pattern.compile("(?:^|;)color:([^;!]+)");
    private static final Pattern BACKGROUND = Pattern.compile("(?:^|;)background(?:-color)?:([^;!]+)");
    private static final Pattern OFF_SCREEN = Pattern.compile("(?:^|;)(?:left|top|right|text-indent|margin-left):-(\\d{4,})");

    private final Map<Element, HiddenText.Kind> bySheet = new IdentityHashMap<>();

    HtmlVisibility(Document document) {
        for (Element style : document.select("style")) {
            // Rules under @media and other at-rules apply to print or some screens only: not read.
            String css = AT_RULE_BLOCK.matcher(COMMENT.matcher(style.data()).replaceAll("")).replaceAll("");
            Matcher rule = RULE.matcher(css);
            while (rule.find()) {
                HiddenText.Kind kind = hiddenBy(declarations(rule.group(2)));
                if (kind != null) {
                    mark(document, rule.group(1), kind);
                }
            }
        }
    }

    private void mark(Document document, String selectors, HiddenText.Kind kind) {
        for (String selector : selectors.split(",")) {
            String s = selector.strip();
            if (s.isEmpty() || s.contains("::") || s.contains(":hover") || s.contains(":focus")) {
                continue;
            }
            try {
                document.select(s).forEach(e -> bySheet.putIfAbsent(e, kind));
            } catch (Selector.SelectorParseException e) {
                // a selector jsoup cannot read hides nothing we can tell
            }
        }
    }

    /** Why a reader does not see {@code element}, or null when it is visible. */
    HiddenText.Kind hiddenBecause(Element element) {
        if (element.hasAttr("hidden")) {
            return HiddenText.Kind.HIDDEN_ELEMENT;
        }
        HiddenText.Kind inline = element.hasAttr("style") ? hiddenBy(declarations(element.attr("style"))) : null;
        return inline != null ? inline : bySheet.get(element);
    }

    private static String declarations(String css) {
        return css.toLowerCase(Locale.ROOT).replaceAll("\\s+", "").replace("!important", "");
    }

    static HiddenText.Kind hiddenBy(String d) {
        if (d.matches("(?:^|.*;)display:none(?:;.*|$)") || d.matches("(?:^|.*;)visibility:(?:hidden|collapse)(?:;.*|$)")
                || d.matches("(?:^|.*;)opacity:0*(?:\\.0+)?%?(?:;.*|$)") || OFF_SCREEN.matcher(d).find()
                || d.matches(".*clip:rect\\(0(?:px)?,?0(?:px)?,?0(?:px)?,?0(?:px)?\\).*") || d.contains("clip-path:inset(50%)")
                || (d.matches("(?:^|.*;)(?:max-)?height:0(?:px)?(?:;.*|$)") && d.contains("overflow:hidden"))) {
            return HiddenText.Kind.HIDDEN_ELEMENT;
        }
        Matcher size = FONT_SIZE.matcher(d);
        if (size.find() && isTiny(Double.parseDouble(size.group(1)), size.group(2))) {
            return HiddenText.Kind.TINY_FONT;
        }
        Matcher colour = COLOUR.matcher(d);
        if (colour.find()) {
            String text = colour.group(1);
            Matcher background = BACKGROUND.matcher(d);
            String behind = background.find() ? background.group(1) : null;
            if (text.equals("transparent") || (behind == null ? isWhite(text) : sameColour(text, behind))) {
                return HiddenText.Kind.BACKGROUND_COLOUR;
            }
        }
        return null;
    }

    private static boolean isTiny(double value, String unit) {
        if (unit == null || unit.equals("px") || unit.equals("pt")) {
            return value < 2;
        }
        return unit.equals("%") ? value < 15 : value < 0.15; // em, rem: of a 16 px default
    }

    private static boolean isWhite(String colour) {
        return normal(colour).equals("#ffffff");
    }

    private static boolean sameColour(String a, String b) {
        return normal(a).equals(normal(b.split("(?<=\\))|\\s")[0]));
    }

    private static String normal(String colour) {
        String c = colour.strip();
        return switch (c) {
            case "white", "#fff", "#ffffff", "rgb(255,255,255)", "rgba(255,255,255,1)", "hsl(0,0%,100%)" -> "#ffffff";
            case "black", "#000", "#000000", "rgb(0,0,0)" -> "#000000";
            default -> c.length() == 4 && c.startsWith("#")
                    ? "#" + c.charAt(1) + c.charAt(1) + c.charAt(2) + c.charAt(2) + c.charAt(3) + c.charAt(3)
                    : c;
        };
    }
}
