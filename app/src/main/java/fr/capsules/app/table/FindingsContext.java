package fr.capsules.app.table;

import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The lines around the findings that are not findings: a title ("Constats de l'inspection du
 * 14/10/2026 — EHPAD Les Tilleuls"), dates, the establishment, the mission, an e-mail's subject.
 * They name the draft ({@link #title()}) and are never drafted as rows.
 *
 * @param lines the context lines in input order, each on one line; never null
 */
public record FindingsContext(List<String> lines) {

    /** Kinds of establishment an inspection visits, then its name up to a separator. */
    private static final Pattern ESTABLISHMENT = Pattern.compile(
            "\\b(EHPAD|Ehpad|EHPA|USLD|MAS|FAM|IME|ESAT|SSIAD|SAAD|Foyer|Résidence|Centre hospitalier|Clinique)"
                    + "\\s+(?:«\\s*|\")?(\\p{Lu}[\\p{L}'’.\\- ]{1,60}?)(?:\\s*»|\")?"
                    + "(?=\\s*(?:[—–,;:()]|\\s-\\s|\\s(?:du|de|à|au|le|les|inspect\\p{L}*|mission|visite)\\s|$))");
    private static final Pattern NUMERIC_DATE = Pattern.compile("\\b(\\d{1,2})[/.](\\d{1,2})[/.](\\d{4})\\b");
    private static final Pattern WORD_DATE = Pattern.compile(
            "\\b(\\d{1,2}(?:er)?\\s+(?:janvier|février|fevrier|mars|avril|mai|juin|juillet|août|aout|septembre|octobre"
                    + "|novembre|décembre|decembre)\\s+\\d{4})\\b",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    /** Words that open a line of context rather than a finding, folded. */
    private static final Pattern CONTEXT_START = Pattern.compile(
            "^(?:constats?|inspection|controle|mission|visite|etablissement|ehpad|objet|rapport|date|lieu|inspecteurs?"
                    + "|inspectrices?|gestionnaire|structure|compte[- ]rendu|bonjour|madame|monsieur|cher|chere)\\b.*");

    public FindingsContext {
        lines = lines == null ? List.of() : List.copyOf(lines);
    }

    static FindingsContext none() {
        return new FindingsContext(List.of());
    }

    /**
     * Whether a line before any finding reads as context: it opens with a context word
     * (constats, inspection, mission, EHPAD, objet…) and names a date or does not end a sentence, or
     * is a short line with a date; at most 16 words.
     */
    static boolean looksLikeContext(String line) {
        String folded = AccentFolding.fold(line);
        boolean dated = NUMERIC_DATE.matcher(line).find() || WORD_DATE.matcher(line).find();
        if (line.split("\\s+").length > 16) {
            return false;
        }
        boolean sentence = folded.endsWith(".");
        boolean contextWord = CONTEXT_START.matcher(folded).matches();
        return (contextWord && (dated || !sentence)) || (dated && !sentence && line.split("\\s+").length <= 10);
    }

    /** The establishment named in the context ("EHPAD Les Tilleuls"), if any. */
    public Optional<String> establishment() {
        for (String line : lines) {
            Matcher m = ESTABLISHMENT.matcher(line);
            if (m.find()) {
                return Optional.of(m.group(1) + " " + m.group(2).strip());
            }
        }
        return Optional.empty();
    }

    /** The first date named in the context, as written ("14/10/2026", "14 octobre 2026"), if any. */
    public Optional<String> date() {
        for (String line : lines) {
            Matcher numeric = NUMERIC_DATE.matcher(line);
            if (numeric.find()) {
                return Optional.of(String.format("%02d/%02d/%s", Integer.parseInt(numeric.group(1)),
                        Integer.parseInt(numeric.group(2)), numeric.group(3)));
            }
            Matcher words = WORD_DATE.matcher(line);
            if (words.find()) {
                return Optional.of(words.group(1));
            }
        }
        return Optional.empty();
    }

    /**
     * The draft's name: "EHPAD Les Tilleuls — inspection du 14/10/2026", the establishment or
     * "Inspection du …" alone, else the first context line (at most 100 characters); empty without
     * context.
     */
    public Optional<String> title() {
        Optional<String> establishment = establishment();
        Optional<String> date = date();
        if (establishment.isPresent() && date.isPresent()) {
            return Optional.of(establishment.get() + " — inspection du " + date.get());
        }
        if (establishment.isPresent()) {
            return establishment;
        }
        if (date.isPresent()) {
            return Optional.of("Inspection du " + date.get());
        }
        return lines.stream().filter(l -> !AccentFolding.fold(l).matches("^(bonjour|madame|monsieur|cher|chere)\\b.*"))
                .findFirst().map(l -> l.length() > 100 ? l.substring(0, 100) + "…" : l);
    }
}
