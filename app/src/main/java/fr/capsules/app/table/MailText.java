package fr.capsules.app.table;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Findings pasted from an e-mail: what is the inspector's text and what is the mail around it.
 *
 * <p>Only applied when the text looks like a mail (a quoted line "> …", a header "De :", "Objet :",
 * an attribution "Le … a écrit :", a separator "----- Message d'origine -----"). Then headers,
 * attributions and separators are dropped (the subject is kept as context); quoted replies are
 * dropped when findings remain outside them, else they are read without their "&gt;" marks and the
 * sender's own lines are context (a reply that only forwards the findings); a closing ("Cordialement", "Bien à vous", "-- ") ends the
 * unquoted text, so a signature is never a finding.
 */
final class MailText {

    private static final Pattern QUOTE = Pattern.compile("^(?:>\\s?)+");
    private static final Pattern HEADER = Pattern.compile(
            "^(de|from|a|to|cc|cci|bcc|envoye|envoye le|sent|date|objet|subject|reply-to|repondre a)\\s*:(.*)$");
    private static final Pattern ATTRIBUTION = Pattern.compile("^(le|on)\\b.{0,200}\\b(a ecrit|wrote)\\s*:?$");
    private static final Pattern SEPARATOR = Pattern.compile(
            "^-{2,}\\s*(message d'origine|original message|message transfere|forwarded message|debut du message).*$");
    private static final Pattern CLOSING = Pattern.compile(
            "^(--|cordialement|bien cordialement|tres cordialement|bien a vous|bonne journee|bonne soiree|salutations)\\b.*$");

    /** The lines to read for findings, and the lines that are context. */
    record Result(List<SourceLine> lines, List<String> context) {}

    private MailText() {}

    static Result of(List<SourceLine> lines) {
        if (lines.stream().noneMatch(MailText::isMailLine)) {
            return new Result(lines, List.of());
        }
        List<String> context = new ArrayList<>();
        List<SourceLine> own = new ArrayList<>();
        List<SourceLine> quoted = new ArrayList<>();
        boolean closed = false;
        for (SourceLine line : lines) {
            String text = line.text();
            Matcher quote = QUOTE.matcher(text);
            if (quote.find()) {
                String unquoted = text.substring(quote.end()).strip();
                if (!unquoted.isEmpty()) {
                    quoted.add(new SourceLine(unquoted, line.afterBlank(), line.heading()));
                }
                continue;
            }
            String folded = AccentFolding.fold(text);
            Matcher header = HEADER.matcher(folded);
            if (header.matches()) {
                if (header.group(1).equals("objet") || header.group(1).equals("subject")) {
                    String subject = text.substring(text.indexOf(':') + 1).strip().replaceFirst("^(?i)(re|tr|fwd?)\\s*:\\s*", "");
                    if (!subject.isEmpty()) {
                        context.add(subject);
                    }
                }
                continue;
            }
            if (ATTRIBUTION.matcher(folded).matches() || SEPARATOR.matcher(folded).matches()) {
                // What follows a separator is the forwarded mail: its own text may hold the findings.
                closed = false;
                continue;
            }
            if (CLOSING.matcher(folded).matches()) {
                closed = true;
                continue;
            }
            if (!closed) {
                own.add(line);
            }
        }
        boolean findingsOutside = own.stream().anyMatch(l -> FindingMarker.at(l.text()).isPresent())
                || (quoted.isEmpty() && !own.isEmpty());
        if (findingsOutside) {
            return new Result(own, context);
        }
        // The sender's own words only introduce the forwarded findings.
        own.forEach(line -> context.add(line.text()));
        return new Result(quoted, context);
    }

    private static boolean isMailLine(SourceLine line) {
        String folded = AccentFolding.fold(line.text());
        return QUOTE.matcher(line.text()).find() || ATTRIBUTION.matcher(folded).matches()
                || SEPARATOR.matcher(folded).matches()
                || (HEADER.matcher(folded).matches() && folded.matches("^(de|from|objet|subject|envoye|sent)\\s*:.*"));
    }
}
