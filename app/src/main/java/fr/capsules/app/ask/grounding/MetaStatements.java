package fr.capsules.app.ask.grounding;

import java.util.regex.Pattern;

/**
 * Clauses in which the answer speaks about itself or its documents rather than about the world:
 * honest abstentions ("Les documents ne précisent pas le délai", "Je n'ai pas trouvé …"), advice to
 * turn elsewhere ("Je vous invite à contacter …", "Adressez-vous au référent"). They claim nothing
 * a passage could support, so they are neither uncited nor unsupported, and their negation is
 * their point.
 *
 * <p>Recognised: a first-person clause ({@code je}, {@code j'}); a negated clause about the
 * documents, sources, passages or extracts; a negated "précisé / indiqué / mentionné / détaillé /
 * trouvé …" ("Cette information n'est pas précisée"); "aucune information / précision / mention";
 * an opening imperative of referral. A real claim about a "source" with a negation may be taken for
 * an abstention — a missed check, never a false alarm.
 *
 * <p>Stateless; thread-safe.
 */
final class MetaStatements {

    private static final Pattern FIRST_PERSON = Pattern.compile("(?iu)(?<![\\p{L}])(?:je|j['’])(?![\\p{L}])");
    /**
     * The documents as the answer's source ("les documents ne précisent pas", "dans les passages
     * fournis"), not a document the claim is about ("ne vérifie pas que le document est nécessaire").
     */
    private static final Pattern ABOUT_DOCUMENTS =
            Pattern.compile("(?iu)(?<![\\p{L}])(?:(?:les|ces|vos|aucun des|aucune des|dans les|dans ces)\\s+(?:documents|passages|extraits|sources)|(?:aucune|les|ces) sources?|textes fournis|éléments fournis|informations (?:fournies|disponibles))(?![\\p{L}])");
    /** Where a silence verb speaks of the information rather than of the world: "Cette information n'est pas précisée". */
    private static final Pattern ABOUT_INFORMATION =
            Pattern.compile("(?iu)^(?:(?:mais|cependant|toutefois|en revanche)\\s+)?(?:(?:cette|cet|ce|ces)\\s+(?:information|point|élément|précision|question|sujet|aspect|délai|cas)s?|il|cela|ceci|ce|rien)(?![\\p{L}])");
    private static final Pattern SILENCE_VERB =
            Pattern.compile("(?iu)(?<![\\p{L}])(?:précis|indiqu|mentionn|détaill|spécifi|abord|évoqu|renseign)\\p{L}*");
    private static final Pattern NO_INFORMATION =
            Pattern.compile("(?iu)(?<![\\p{L}])(?:aucune?|pas d['’]|pas de)\\s+(?:information|précision|mention|indication|élément|réponse|donnée)s?(?![\\p{L}])");
    private static final Pattern REFERRAL =
            Pattern.compile("(?iu)^(?:adressez|rapprochez|contactez|consultez|reportez|n['’]hésitez)(?![\\p{L}])");

    private MetaStatements() {}

    /** Whether {@code clause} is about the answer or its documents rather than a claim. */
    static boolean isMeta(String clause) {
        if (FIRST_PERSON.matcher(clause).find() || REFERRAL.matcher(clause).find()
                || NO_INFORMATION.matcher(clause).find()) {
            return true;
        }
        boolean negated = Negations.of(clause).negated();
        return negated && (aboutDocuments(clause)
                || (SILENCE_VERB.matcher(clause).find() && ABOUT_INFORMATION.matcher(clause.strip()).find()));
    }

    /**
     * Whether the clause names the documents as the answer's source: as its subject ("Les documents ne précisent pas"),
     * after a preposition of source ("dans les passages", "selon les documents") or as "aucun des documents" — not as
     * the object of an act the claim is about ("Téléverser les documents sans les pseudonymiser", "répondre sans citer
     * les sources").
     */
    private static boolean aboutDocuments(String clause) {
        java.util.regex.Matcher documents = ABOUT_DOCUMENTS.matcher(clause);
        while (documents.find()) {
            String before = clause.substring(0, documents.start()).strip();
            if (!documents.group().toLowerCase(java.util.Locale.ROOT).matches("(?:les|ces|vos) .*")
                    || before.isEmpty() || SOURCE_POSITION.matcher(before).find()) {
                return true;
            }
        }
        return false;
    }

    /** What may stand before the documents as the answer's source: an opening connective, a preposition of source. */
    private static final Pattern SOURCE_POSITION = Pattern.compile(
            "(?iu)(?:^(?:mais|cependant|toutefois|en revanche|malheureusement|or),?|(?<![\\p{L}])(?:selon|d['’]après|parmi|de|sur|par|dans|à partir)|,)$");
}
