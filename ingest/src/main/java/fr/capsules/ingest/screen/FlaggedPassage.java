package fr.capsules.ingest.screen;

import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The warning a file's result carries for a passage that reads like an instruction to a model,
 * written and read back in one place: the service finds in a document's warnings which passages it
 * may offer to exclude ({@link #passageNumber}).
 */
public final class FlaggedPassage {

    private static final Pattern WARNING = Pattern.compile("^passage (\\d+)(?: \\(page \\d+\\))? signalé : ");

    private FlaggedPassage() {}

    /**
     * "passage 4 (page 2) signalé : texte qui ressemble à une consigne adressée à un modèle (« … ») ;
     * indexé comme une donnée, un référent peut l'exclure".
     *
     * @param number 1-based rank of the passage in its document
     * @param page 1-based page, 0 when the format has no pages
     */
    public static String warning(int number, int page, InstructionSignals.Signal signal) {
        return "passage " + number + (page > 0 ? " (page " + page + ")" : "")
                + " signalé : texte qui ressemble à une consigne adressée à un modèle (« " + signal.excerpt()
                + " ») ; indexé comme une donnée, un référent peut l'exclure";
    }

    /** The 1-based passage number of a warning written by {@link #warning}, or empty for any other warning. */
    public static OptionalInt passageNumber(String warning) {
        Matcher m = WARNING.matcher(warning);
        return m.find() ? OptionalInt.of(Integer.parseInt(m.group(1))) : OptionalInt.empty();
    }
}
