package fr.capsules.app.table;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The one normaliser of legal references: "art. L. 311-3 CASF" and "article L311-3 du code de l'action sociale et des
 * familles" are the same item, "L311-3 CASF"; a reference that names no article ("recommandations de bonnes pratiques
 * de l'OMéDIT", "norme NF EN ISO 15189 (§ 6.2)") is one item made of its distinctive words, generic words such as
 * "recommandations", "bonnes pratiques" and determiners left out. A reference is read clause by clause (";" or
 * "… et la norme …" separate clauses); the code named in a clause applies to every article of it ("articles L.311-5
 * et L.311-7 du CASF"); a range "R.311-0-5 à R.311-0-9" keeps its two ends. Stateless.
 */
public final class LegalReferences {

    /** An article code: L, R, D or A (arrêté), a number of up to four groups ("L.311-4-1", "D312-155-0"). */
    private static final Pattern ARTICLE =
            Pattern.compile("(?<![\\p{L}\\d])([LRDA])\\s*\\.?\\s*(\\d{1,4}(?:-\\d{1,4}){0,3})(?![\\d-])");
    /** " et la / et le / et les / et l' / et de la … " before another text ("… et la norme …"): two texts joined. */
    private static final String JOINED_TEXTS = "\\s+et\\s+(?:de\\s+|des\\s+|du\\s+)?(?:(?:la|le|les)\\s+|l['’]\\s*)"
            + "(?=(?:articles?|norme|recommandations?|rbpp|guide|r[ée]f[ée]rentiel|programme|circulaire|instruction|arr[êe]t[ée]"
            + "|d[ée]cret|r[èe]glement|bonnes|code)\\b)";
    private static final int FLAGS = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE | Pattern.UNICODE_CHARACTER_CLASS;
    /** Where a reference joins two texts with "et" ({@link ReportReferences} cuts a report's reference there). */
    static final Pattern JOINED = Pattern.compile(JOINED_TEXTS, FLAGS);
    /** Clause boundaries: ";" and {@link #JOINED}. */
    private static final Pattern CLAUSES = Pattern.compile(";|" + JOINED_TEXTS, FLAGS);
    /** Codes by their folded full name or abbreviation. */
    private static final List<String[]> CODES = List.of(
            new String[] {"casf", "\\bcasf\\b|code de l'action sociale et des familles"},
            new String[] {"csp", "\\bcsp\\b|code de la sante publique"},
            new String[] {"css", "\\bcss\\b|code de la securite sociale"},
            new String[] {"ct", "code du travail"},
            new String[] {"cc", "code civil"},
            new String[] {"cenv", "code de l'environnement"},
            new String[] {"crpa", "\\bcrpa\\b|code des relations entre le public et l'administration"});
    /** Words that name no particular text: determiners, prepositions, and the kind of text when generic. */
    private static final Set<String> GENERIC = Set.of("de", "la", "le", "les", "l", "d", "du", "des", "sur", "en", "et", "a", "au",
            "aux", "pour", "par", "un", "une", "recommandation", "recommandations", "bonne", "bonnes", "pratique", "pratiques",
            "rbpp", "guide", "publie", "publiee", "relatif", "relative", "voir", "notamment");

    private LegalReferences() {}

    /** Article numbers named in a text, normalised without their code ("L311-3"), in order. */
    public static Set<String> articles(String text) {
        Set<String> found = new LinkedHashSet<>();
        if (text == null) {
            return found;
        }
        Matcher matcher = ARTICLE.matcher(text);
        while (matcher.find()) {
            found.add(matcher.group(1).toUpperCase(Locale.ROOT) + matcher.group(2));
        }
        return found;
    }

    /**
     * Every item a reference names: articles with their code ("L311-3 casf", or "L311-3" when no code is named) and
     * the other texts as their distinctive words ("~15189 6 2 iso nf norme").
     */
    public static Set<String> items(String reference) {
        Set<String> items = new TreeSet<>();
        if (reference == null || reference.isBlank()) {
            return items;
        }
        for (String clause : CLAUSES.split(reference)) {
            Set<String> articles = articles(clause);
            String folded = AccentFolding.fold(clause).replace('’', '\'');
            if (!articles.isEmpty()) {
                String code = CODES.stream().filter(c -> Pattern.compile(c[1]).matcher(folded).find()).map(c -> c[0]).findFirst().orElse("");
                articles.forEach(a -> items.add(code.isEmpty() ? a : a + " " + code));
                continue;
            }
            String words = Arrays.stream(folded.split("[^\\p{L}\\p{N}]+"))
                    .filter(w -> !w.isBlank() && !GENERIC.contains(w))
                    .collect(Collectors.toCollection(TreeSet::new)).stream().collect(Collectors.joining(" "));
            if (!words.isBlank()) {
                items.add("~" + words);
            }
        }
        return items;
    }

    /**
     * The same reference: the same items; an article whose code is not named matches the same number in any code (both
     * sides are then compared by article numbers, with the other texts).
     */
    public static boolean same(String a, String b) {
        Set<String> left = items(a);
        Set<String> right = items(b);
        if (left.stream().anyMatch(LegalReferences::uncoded) || right.stream().anyMatch(LegalReferences::uncoded)) {
            return withoutCodes(left).equals(withoutCodes(right));
        }
        return left.equals(right);
    }

    /** The two references have at least one item in common (an article, with the same code when both name one, or a text). */
    public static boolean overlap(String a, String b) {
        Set<String> left = withoutCodes(items(a));
        left.retainAll(withoutCodes(items(b)));
        if (left.isEmpty()) {
            return false;
        }
        Set<String> coded = items(a);
        coded.retainAll(items(b));
        return !coded.isEmpty() || items(a).stream().anyMatch(LegalReferences::uncoded) || items(b).stream().anyMatch(LegalReferences::uncoded);
    }

    private static boolean uncoded(String item) {
        return !item.startsWith("~") && !item.contains(" ");
    }

    private static Set<String> withoutCodes(Set<String> items) {
        return items.stream().map(i -> i.startsWith("~") ? i : i.split(" ")[0]).collect(Collectors.toCollection(TreeSet::new));
    }
}
