package fr.capsules.ingest.parse;

/**
 * A file went over a bound of its parsing other than time: it inflates to more bytes than allowed
 * ({@link ParseLimits#maxDecompressedBytes()}), or needed more memory than the parsing process
 * has. The message is a French sentence naming the bound, for the person who gave the file.
 */
public final class ParseLimitException extends RuntimeException {

    public ParseLimitException(String message) {
        super(message);
    }

    /** "fichier trop volumineux une fois décompressé (plus de 512 Mo)". */
    public static ParseLimitException decompressed(long maxBytes) {
        return new ParseLimitException(
                "fichier trop volumineux une fois décompressé (plus de " + megabytes(maxBytes) + " Mo)");
    }

    /** "fichier trop gourmand en mémoire pour être analysé (plus de 512 Mo de mémoire)". */
    public static ParseLimitException memory(long maxBytes) {
        return new ParseLimitException(
                "fichier trop gourmand en mémoire pour être analysé (plus de " + megabytes(maxBytes) + " Mo de mémoire)");
    }

    private static long megabytes(long bytes) {
        return Math.max(1, bytes / (1024 * 1024));
    }
}
