package fr.capsules.ingest.normalize;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Splits a file name (or a short title) into comparable words and tells which of them carry
 * meaning: "Rapport (2) - copie_scan0001" carries none, "rapport-inspection-ehpad" carries
 * "inspection" and "ehpad".
 */
final class FileNameWords {

    private static final Pattern NON_WORD = Pattern.compile("[^\\p{L}\\p{Nd}]+");
    private static final Pattern LETTER_DIGIT_BOUNDARY =
            Pattern.compile("(?<=\\p{L})(?=\\p{Nd})|(?<=\\p{Nd})(?=\\p{L})");
    private static final Pattern COMBINING_MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern DIGITS = Pattern.compile("\\p{Nd}+");

    /** Words (accent-folded, lowercase) that name a kind of file or a copy, never its subject. */
    private static final Set<String> GENERIC_WORDS =
            Set.of(
                    "rapport", "rapports", "document", "documents", "doc", "docs", "docx", "pdf",
                    "fichier", "fichiers", "file", "files", "scan", "scans", "scanne", "scannee",
                    "scanner", "numerisation", "numerise", "numerisee", "sans", "titre", "untitled",
                    "title", "copie", "copy", "of", "de", "du", "des", "la", "le", "les", "final",
                    "finale", "def", "definitif", "definitive", "vf", "vdef", "version", "bis",
                    "ter", "export", "exported", "image", "images", "img", "photo", "nouveau",
                    "nouvelle", "new", "sheet", "feuil", "feuille", "classeur", "book", "brouillon",
                    "draft", "tmp", "temp", "test", "modele", "template", "print", "impression",
                    "ocr", "microsoft", "word", "excel", "powerpoint", "diapositive",
                    "presentation", "page", "pages", "maj", "ok");

    private static final Set<String> MONTH_WORDS =
            Set.of(
                    "janvier", "janv", "fevrier", "fevr", "fev", "mars", "avril", "avr", "mai",
                    "juin", "juillet", "juil", "aout", "septembre", "sept", "octobre", "oct",
                    "novembre", "nov", "decembre", "dec", "january", "jan", "february", "feb",
                    "march", "mar", "april", "apr", "may", "june", "jun", "july", "jul", "august",
                    "aug", "september", "sep", "october", "november", "december");

    /** The words of {@code name}, accent-folded and lowercased; letters and digits split apart. */
    List<String> words(String name) {
        if (isAscii(name)) {
            return asciiWords(name);
        }
        return wordsByExpressions(name);
    }

    /** {@link #words} as the expressions find them, whatever the text (tests compare with them). */
    static List<String> wordsByExpressions(String name) {
        String folded =
                COMBINING_MARKS
                        .matcher(Normalizer.normalize(name, Normalizer.Form.NFKD))
                        .replaceAll("")
                        .toLowerCase(Locale.ROOT);
        String spaced = LETTER_DIGIT_BOUNDARY.matcher(folded).replaceAll(" ");
        return Arrays.stream(NON_WORD.split(spaced)).filter(w -> !w.isEmpty()).toList();
    }

    private static boolean isAscii(String name) {
        for (int i = 0; i < name.length(); i++) {
            if (name.charAt(i) >= 0x80) {
                return false;
            }
        }
        return true;
    }

    /**
     * {@link #wordsByExpressions} of an ASCII name, read in one pass: in ASCII, NFKD changes
     * nothing and there are no combining marks, a letter ({@code \\p{L}}) is {@code [A-Za-z]} and a
     * digit ({@code \\p{Nd}}) {@code [0-9]}; the words are the runs of letters and the runs of
     * digits, lower-cased.
     */
    static List<String> asciiWords(String name) {
        List<String> words = new ArrayList<>();
        int start = -1;
        int kind = 0; // 1 letters, 2 digits
        for (int i = 0; i <= name.length(); i++) {
            int k = 0;
            if (i < name.length()) {
                char c = name.charAt(i);
                k = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ? 1 : c >= '0' && c <= '9' ? 2 : 0;
            }
            if (k != kind) {
                if (kind != 0) {
                    words.add(name.substring(start, i).toLowerCase(Locale.ROOT));
                }
                start = i;
                kind = k;
            }
        }
        return words;
    }

    /** Letters in the words of {@code name} that are not generic, numbers, months or initials. */
    int meaningfulLetterCount(String name) {
        return words(name).stream()
                .filter(w -> w.length() > 1)
                .filter(w -> !DIGITS.matcher(w).matches())
                .filter(w -> !GENERIC_WORDS.contains(w) && !MONTH_WORDS.contains(w))
                .mapToInt(String::length)
                .sum();
    }
}
