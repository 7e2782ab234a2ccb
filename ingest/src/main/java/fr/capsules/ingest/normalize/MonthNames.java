package fr.capsules.ingest.normalize;

import java.util.Map;
import java.util.Optional;

/** Month names and their usual abbreviations, matched without case or accents. */
public final class MonthNames {

    private static final Map<String, Integer> FRENCH =
            Map.ofEntries(
                    Map.entry("janvier", 1), Map.entry("janv", 1),
                    Map.entry("fevrier", 2), Map.entry("fevr", 2), Map.entry("fev", 2),
                    Map.entry("mars", 3),
                    Map.entry("avril", 4), Map.entry("avr", 4),
                    Map.entry("mai", 5),
                    Map.entry("juin", 6),
                    Map.entry("juillet", 7), Map.entry("juil", 7),
                    Map.entry("aout", 8),
                    Map.entry("septembre", 9), Map.entry("sept", 9),
                    Map.entry("octobre", 10), Map.entry("oct", 10),
                    Map.entry("novembre", 11), Map.entry("nov", 11),
                    Map.entry("decembre", 12), Map.entry("dec", 12));

    private static final Map<String, Integer> ENGLISH =
            Map.ofEntries(
                    Map.entry("january", 1), Map.entry("jan", 1),
                    Map.entry("february", 2), Map.entry("feb", 2),
                    Map.entry("march", 3), Map.entry("mar", 3),
                    Map.entry("april", 4), Map.entry("apr", 4),
                    Map.entry("may", 5),
                    Map.entry("june", 6), Map.entry("jun", 6),
                    Map.entry("july", 7), Map.entry("jul", 7),
                    Map.entry("august", 8), Map.entry("aug", 8),
                    Map.entry("september", 9), Map.entry("sept", 9), Map.entry("sep", 9),
                    Map.entry("october", 10), Map.entry("oct", 10),
                    Map.entry("november", 11), Map.entry("nov", 11),
                    Map.entry("december", 12), Map.entry("dec", 12));

    private MonthNames() {}

    /** The month a French month name or abbreviation names (1 to 12), case and accents ignored. */
    public static Optional<Integer> french(String word) {
        return Optional.ofNullable(FRENCH.get(AccentFolding.fold(word)));
    }

    static Optional<Integer> english(String word) {
        return Optional.ofNullable(ENGLISH.get(AccentFolding.fold(word)));
    }

    /** {@code french(word).or(() -> english(word))}, the word folded once. */
    static Optional<Integer> frenchOrEnglish(String word) {
        String folded = AccentFolding.fold(word);
        Integer month = FRENCH.get(folded);
        return Optional.ofNullable(month != null ? month : ENGLISH.get(folded));
    }
}
