package fr.capsules.app.audit;

/**
 * The outcome of recomputing the whole chain.
 *
 * @param valid whether every entry from 1 to the last is present, in order, unmodified
 * @param entries how many entries were checked (up to the first break when invalid)
 * @param firstBrokenSeq the first position where the chain is not as recorded: a modified entry,
 *     a missing one (the missing {@code seq}) or one out of place; {@code null} when valid
 * @param reason what was found there, in French; {@code null} when valid
 * @param lastHash the hash of the last entry when valid (64 zeros for an empty trail), worth
 *     writing down outside the server: a later verification that still finds it proves that
 *     nothing before it was rewritten, even by someone able to recompute every hash; {@code null}
 *     when invalid
 */
public record ChainVerification(boolean valid, long entries, Long firstBrokenSeq, String reason, String lastHash) {

    static ChainVerification intact(long entries, String lastHash) {
        return new ChainVerification(true, entries, null, null, lastHash);
    }

    static ChainVerification brokenAt(long entries, long seq, String reason) {
        return new ChainVerification(false, entries, seq, reason, null);
    }
}
