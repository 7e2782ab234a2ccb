import java.util.ArrayList;
import java.util.List;

/**
 * Rough French syllable breaks (V-CV and VC-CV, keeping "ch", "gn", "qu", "bl", "tr"… together),
 * plus explicit soft hyphens (U+00AD). Good enough to produce the "réglemen-" / "tation" splits
 * that real reports exported with automatic hyphenation contain.
 */
final class Hyphenation {
    private Hyphenation() {}

    private static final String VOWELS = "aeiouyàâäéèêëîïôöùûüœæ";
    private static final List<String> KEEP = List.of("ch", "ph", "th", "gn", "qu", "gu", "bl", "br", "cl", "cr",
            "dr", "fl", "fr", "gl", "gr", "pl", "pr", "tr", "vr");

    /** Break offsets into the word with soft hyphens removed. */
    static List<Integer> breakPoints(String word, boolean auto) {
        List<Integer> soft = new ArrayList<>();
        StringBuilder clean = new StringBuilder();
        for (char c : word.toCharArray()) {
            if (c == '\u00AD') soft.add(clean.length());
            else clean.append(c);
        }
        if (!soft.isEmpty() || !auto) return soft;
        String w = clean.toString();
        List<Integer> out = new ArrayList<>();
        if (w.length() < 9 || !w.chars().allMatch(ch -> Character.isLetter(ch) || ",.;:)".indexOf(ch) >= 0)) return out;
        if (!Character.isLowerCase(w.charAt(0))) return out;
        String lw = w.toLowerCase();
        int end = lw.length();
        while (end > 0 && !Character.isLetter(lw.charAt(end - 1))) end--;
        for (int i = 3; i <= end - 3; i++) {
            char a = lw.charAt(i - 1), b = lw.charAt(i);
            boolean va = VOWELS.indexOf(a) >= 0, vb = VOWELS.indexOf(b) >= 0;
            if (!va && !vb) {
                if (KEEP.contains("" + a + b)) continue;
                if (i >= 2 && VOWELS.indexOf(lw.charAt(i - 2)) < 0) continue;
                if (i + 1 < end && VOWELS.indexOf(lw.charAt(i + 1)) < 0 && !KEEP.contains(lw.substring(i, i + 2))) continue;
                out.add(i);
            } else if (va && !vb && i + 1 < end && VOWELS.indexOf(lw.charAt(i + 1)) >= 0 && b != 'x') {
                out.add(i);
            }
        }
        return out;
    }
}
