package fr.capsules.app.table;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The findings a report states with the text they break, read from its prose: "Écart E4 : … Écart à : article L.331-8-1
 * du CASF.", "… Écart à l'article L.6211-14 du CSP.", "…, en méconnaissance des articles L.4352-1 et L.4352-2 du CSP.",
 * "… conformément à la norme NF EN ISO 15189 (§ 8.9).", "Référence : …", "Ce constat renvoie au …". Each statement
 * is the finding (the text since the finding's label, "Écart E4 :", "Remarque R1 :", else its sentence) and the
 * reference as the house writes it in a table ("article L.6211-2 du CSP ; norme NF EN ISO 15189"). A statement whose
 * reference names neither an article nor a kind of text (norme, recommandation, référentiel…) is not one. Stateless.
 */
final class ReportReferences {

    /** What introduces the text a finding breaks, up to the reference itself. */
    private static final Pattern MARKER = Pattern.compile(
            "(?:[ée]cart\\s+(?:à|au|aux)\\b\\s*:?|en\\s+m[ée]connaissance\\s+(?:de|des|du)\\b|\\bconform[ée]ment\\s+(?:à|au|aux)\\b"
                    + "|\\br[ée]f[ée]rences?\\s*:|\\brenvoie\\s+(?:à|au|aux)\\b|\\ben\\s+infraction\\s+(?:à|au|aux)\\b)\\s*",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE | Pattern.UNICODE_CHARACTER_CLASS);
    /** The end of the reference: the end of its sentence, or a comma that does not go on with another article. */
    private static final Pattern END = Pattern.compile("\\.(?=\\s+\\p{Lu}|\\s*$)|,\\s+(?![LRDA]\\.?\\s?\\d)|\\n\\s*\\n");
    /** A finding's label: "Écart E4 :", "Remarque R1 :", "Constat n° 3 :", "E2 :". */
    private static final Pattern LABEL = Pattern.compile(
            "(?:\\b(?:[ée]cart|remarque|constat|observation)\\s*(?:n°\\s*)?[ER]?\\s?\\d{1,3}|\\b[ER]\\d{1,3})\\s*[:.–—-]\\s",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE | Pattern.UNICODE_CHARACTER_CLASS);
    /** A reference that names a kind of text, when it names no article. */
    private static final Pattern TEXT_KIND = Pattern.compile(
            "\\b(norme|recommandations?|rbpp|guide|r[ée]f[ée]rentiel|programme|circulaire|instruction|arr[êe]t[ée]|d[ée]cret|r[èe]glement|bonnes pratiques)\\b",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE | Pattern.UNICODE_CHARACTER_CLASS);
    /** A determiner opening the reference or one of its clauses ("l'article", "et la norme"). */
    private static final Pattern OPENING = Pattern.compile("^(?:l['’]|la\\s|le\\s|les\\s|des\\s|du\\s|de\\s(?:la\\s|l['’])?)",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE | Pattern.UNICODE_CHARACTER_CLASS);
    private static final int MAX_REFERENCE = 200;

    /** A finding stated in a report and the reference stated with it. */
    record Statement(String finding, String reference) {}

    private ReportReferences() {}

    static List<Statement> statements(String text) {
        List<Statement> statements = new ArrayList<>();
        if (text == null || text.isBlank()) {
            return statements;
        }
        int previousEnd = 0;
        Matcher marker = MARKER.matcher(text);
        while (marker.find()) {
            if (marker.start() < previousEnd) {
                continue;
            }
            Matcher end = END.matcher(text);
            int stop = end.find(marker.end()) ? end.start() : text.length();
            String reference = house(text.substring(marker.end(), stop));
            String before = text.substring(previousEnd, marker.start());
            // "Conformément à …" or "En méconnaissance de …" opening a line or a sentence is procedure, not a finding's
            // text: these words state a finding's reference only within its sentence ("…, en méconnaissance de …").
            boolean connective = !marker.group().toLowerCase(java.util.Locale.ROOT).matches("(?s)([ée]cart|r[ée]f[ée]rence|renvoie).*");
            String finding = connective && before.replaceAll("[ \\t]+$", "").matches("(?s)(.*[.:\\n])?") ? "" : finding(before);
            previousEnd = stop;
            if (reference.isBlank() || reference.length() > MAX_REFERENCE || finding.isBlank()
                    || (LegalReferences.articles(reference).isEmpty() && !TEXT_KIND.matcher(reference).find())) {
                continue;
            }
            statements.add(new Statement(finding, reference));
        }
        return statements;
    }

    /** The finding a reference is stated with: the text after the last label before it, else its own sentence. */
    private static String finding(String before) {
        Matcher label = LABEL.matcher(before);
        int start = -1;
        while (label.find()) {
            start = label.end();
        }
        String finding;
        if (start >= 0) {
            finding = before.substring(start);
        } else {
            // The sentence the reference closes, or the one before it when the reference opens its own sentence
            // ("… médicale. Écart à : …"); a reference that opens a paragraph ("Conformément à …, le rapport …") has none.
            String trimmed = before.replaceAll("[\\s,;:.]+$", "");
            int paragraph = before.lastIndexOf("\n\n");
            if (before.isBlank() || (paragraph >= 0 && before.substring(paragraph).isBlank())) {
                return "";
            }
            int sentence = Math.max(trimmed.lastIndexOf(". "), trimmed.lastIndexOf("\n\n"));
            finding = trimmed.substring(sentence + 1);
        }
        return FindingText.inline(finding).replaceAll("[\\s,;:.]+$", "").strip();
    }

    /** "l'article L.6211-2 du CSP et la norme NF EN ISO 15189" → "article L.6211-2 du CSP ; norme NF EN ISO 15189". */
    static String house(String reference) {
        String inline = FindingText.inline(reference).replaceAll("[\\s.;,]+$", "").strip();
        List<String> clauses = new ArrayList<>();
        for (String clause : LegalReferences.JOINED.split(inline)) {
            clauses.add(OPENING.matcher(clause.strip()).replaceFirst("").strip());
        }
        return String.join(" ; ", clauses).strip();
    }
}
