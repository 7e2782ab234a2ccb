package fr.capsules.ingest.pseudonymize;

import fr.capsules.ingest.pseudonymize.PersonName.Gender;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds names in labelled fields of forms and table rows: "Nom : GOSSELIN", "Prénom : Raymond",
 * "Nom d'usage : Desmet", "Patient : Paul Girard", "Personne à prévenir : Sylvie Gosselin", "Affaire
 * suivie par : Sandrine Wojcik", whether the field starts a line or follows another field ("Nom :
 * GOSSELIN ; Prénom : Raymond", as table rows are rendered). A first-name field right after a name
 * field completes the same person. A civility inside the value is left to
 * {@link CivilityNameDetector}.
 */
public final class FieldNameDetector implements Detector {

    private static final String SURNAME_FIELD = "nom(?:\\s+(?:de\\s+naissance|d['’]usage|marital|de\\s+jeune\\s+fille|patronymique|de\\s+famille))?";
    private static final String FIRST_NAME_FIELD = "prénoms?";
    private static final String PERSON_FIELD = "nom\\s+et\\s+prénoms?|prénom\\s+et\\s+nom|identité|patiente?|résidente?|usag(?:er|ère)"
            + "|bénéficiaire|personne\\s+(?:à\\s+prévenir|de\\s+confiance|concernée|entendue)|déclarante?|demandeu(?:r|se)"
            + "|plaignante?|réclamante?|auteur(?:\\s+du\\s+signalement)?|représentante?\\s+légale?|tut(?:eur|rice)"
            + "|curat(?:eur|rice)|médecin\\s+traitant|affaire\\s+suivie\\s+par|dossier\\s+suivi\\s+par|interlocut(?:eur|rice)"
            + "|rédact(?:eur|rice)|contact|référente?|enquêt(?:eur|rice)s?|inspect(?:eur|rice)s?|agent\\s+instructeur";
    private static final Pattern FIELD = Pattern.compile(
            "(?:^|(?<=[\\n;|\\t]))[ \\t]*(?i:(?<first>" + FIRST_NAME_FIELD + ")|(?<surname>" + SURNAME_FIELD + ")|(?<person>"
                    + PERSON_FIELD + "))[ \\t\\u00A0]*:[ \\t\\u00A0]*",
            Pattern.MULTILINE | Pattern.UNICODE_CASE);
    private static final Pattern HEADER = Pattern.compile(
            "(?i:(?<first>" + FIRST_NAME_FIELD + ")|(?<surname>" + SURNAME_FIELD + ")|(?<person>" + PERSON_FIELD + "))",
            Pattern.UNICODE_CASE);
    private static final int FIRST_NAME_REACH = 80;

    private final NameScanner scanner = new NameScanner();

    @Override
    public List<Detection> detect(String text) {
        List<Detection> found = new ArrayList<>();
        Matcher m = FIELD.matcher(text);
        Detection lastSurname = null;
        while (m.find()) {
            NameScanner.Read read = scanner.read(text, m.end(), true);
            if (read == null) {
                continue;
            }
            if (m.group("first") != null) {
                boolean completes = lastSurname != null && m.start() - lastSurname.end() <= FIRST_NAME_REACH;
                String firstName = text.substring(read.start(), read.end());
                PersonName name = completes
                        ? new PersonName(lastSurname.person().surname(), firstName, Gender.UNKNOWN)
                        : new PersonName(firstName, null, Gender.UNKNOWN);
                found.add(Detection.person(read.start(), read.end(), name));
                lastSurname = null;
            } else {
                PersonName name = m.group("surname") != null
                        ? new PersonName(text.substring(read.start(), read.end()), null, Gender.UNKNOWN)
                        : scanner.interpret(text, read, Gender.UNKNOWN);
                Detection d = Detection.person(read.start(), read.end(), name);
                found.add(d);
                lastSurname = m.group("surname") != null ? d : null;
            }
        }
        columns(text, found);
        return found;
    }

    private void columns(String text, List<Detection> found) {
        Detection rowSurname = null;
        int row = -1;
        for (TextTables.Cell cell : TextTables.cellsUnder(text, h -> HEADER.matcher(h).matches())) {
            if (cell.row() != row) {
                rowSurname = null;
                row = cell.row();
            }
            int start = cell.start();
            while (start < cell.end() && Character.isWhitespace(text.charAt(start))) {
                start++;
            }
            NameScanner.Read read = scanner.read(text, start, true);
            if (read == null || read.end() > cell.end()) {
                continue;
            }
            Matcher header = HEADER.matcher(cell.header());
            header.matches();
            String value = text.substring(read.start(), read.end());
            PersonName name;
            if (header.group("first") != null) {
                name = rowSurname != null
                        ? new PersonName(rowSurname.person().surname(), value, Gender.UNKNOWN)
                        : new PersonName(value, null, Gender.UNKNOWN);
            } else if (header.group("surname") != null) {
                name = new PersonName(value, null, Gender.UNKNOWN);
            } else {
                name = scanner.interpret(text, read, Gender.UNKNOWN);
            }
            Detection d = Detection.person(read.start(), read.end(), name);
            found.add(d);
            if (header.group("surname") != null) {
                rowSurname = d;
            }
        }
    }
}
