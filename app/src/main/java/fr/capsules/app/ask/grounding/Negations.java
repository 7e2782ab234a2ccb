package fr.capsules.app.ask.grounding;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Whether a French clause is negated, read on the raw text: the analyzer drops "ne" and "pas" as
 * stop words, so polarity cannot be read from index terms.
 *
 * <p>A clause is negated when it holds one of these cues:
 *
 * <ul>
 *   <li>{@code ne}/{@code n'} followed, within {@value #WINDOW} words, by {@code pas}, {@code plus},
 *       {@code jamais}, {@code rien}, {@code aucun(e)}, {@code guère}, {@code nullement}, {@code ni},
 *       {@code nul(le)}, or {@code personne}/{@code point} when not preceded by a determiner ("ne
 *       doit accueillir une personne" is not a negation); {@code nul}, {@code personne},
 *       {@code rien} just before {@code ne} ("Nul ne peut");
 *   <li>{@code aucun(e)} anywhere but in "d'aucuns"; {@code jamais} but in "que jamais", "si
 *       jamais"; {@code ni};
 *   <li>{@code sans} or {@code hors} + word ("hors compétence"), except idioms that affirm ("sans délai", "sans tarder", "sans
 *       préjudice", "sans exception", "sans doute", …);
 *   <li>{@code non} as a prefix, spaced or hyphenated ("non conforme", "non-conformité"): a finding
 *       of non-conformity is the negation of conformity, on whichever side it appears — except "non
 *       seulement", "ou non", "non plus";
 *   <li>prohibition: {@code interdit(e)(s)}, {@code interdiction de}, {@code prohibé}.
 * </ul>
 *
 * <p>Not negations: "ne … que" (restriction), an expletive "ne" without a second particle ("avant
 * qu'il ne parte"), comparative "plus de", "n'importe". A clause with a restriction or an exception
 * ("ne … que", "sauf", "excepté", "hormis", "à l'exception de", "à moins que", "que si") is
 * <em>mixed</em>: it affirms and denies at once, so its polarity is not compared.
 *
 * <p>The <em>scope</em> of a negation is the comma-delimited stretch holding its cue: in "Le
 * directeur, qui n'était pas présent, a transmis le registre" the negation bears on "présent", not
 * on the transmission — {@link PolarityCheck} compares polarities only when the answer shares a word
 * with that scope.
 *
 * <p>Stateless; thread-safe.
 */
final class Negations {

    /** Words allowed between "ne" and its particle: "ne lui a jamais été", "n'est en aucun cas". */
    static final int WINDOW = 5;

    /** Words allowed between "ne" and the "que" of a restriction: "n'a mis en évidence de fragilités que …", "n'est interdit de saisir dans un outil d'IA externe que …". */
    static final int RESTRICTION_WINDOW = 10;

    /**
     * A clause's polarity: the negation cue as written and its scope — the stretch between commas
     * around the cue, what the negation bears on — both null when affirmative; and whether it is mixed.
     */
    record Polarity(String cue, String scope, boolean mixed) {
        boolean negated() {
            return cue != null;
        }
    }

    private static final Pattern TOKEN = Pattern.compile("[\\p{L}]+['’]|[\\p{L}\\d]+(?:-[\\p{L}\\d]+)*|[;:.!?]");
    private static final Set<String> PARTICLES =
            Set.of("pas", "plus", "jamais", "rien", "aucun", "aucune", "guère", "nullement", "ni", "nul", "nulle",
                    "personne", "point");
    private static final Set<String> NOUN_PARTICLES = Set.of("personne", "point");
    private static final Set<String> DETERMINERS =
            Set.of("un", "une", "la", "le", "les", "l'", "de", "des", "d'", "du", "chaque", "toute", "cette", "ce",
                    "sa", "son", "ses", "leur", "leurs", "quelle", "quel", "tel", "telle", "seule", "même");
    /** Verbs that "ne" negates on its own in written French. */
    private static final Set<String> LITERARY_VERBS =
            Set.of("peut", "peuvent", "pouvait", "pouvaient", "pourra", "pourront", "pourrait", "pourraient", "puisse",
                    "puissent", "saurait", "sauraient", "sait", "savent", "saura", "ose", "osent", "osait", "cesse",
                    "cessent", "cessait");
    private static final Set<String> OBJECT_PRONOUNS =
            Set.of("le", "la", "les", "l'", "lui", "leur", "y", "en", "se", "s'", "me", "m'", "te", "t'", "nous", "vous");
    /** Where "ne" is expletive: "avant qu'il ne puisse", "à moins qu'il ne sache", "plus … qu'on ne peut". */
    private static final Pattern EXPLETIVE_CONTEXT =
            Pattern.compile("(?iu)(?:avant|moins|peur|crainte|plus|mieux|pire|autre|autrement)(?:\\s+\\S+){0,2}\\s+(?:que|qu['’])\\s*(?:\\S+\\s+){0,3}$");
    private static final Set<String> SUBJECTS_BEFORE_NE = Set.of("nul", "nulle", "personne", "rien");
    private static final Set<String> AFFIRMING_SANS =
            Set.of("délai", "tarder", "attendre", "préjudice", "doute", "exception", "cesse", "compter", "conteste",
                    "délais");
    private static final Set<String> PROHIBITIONS =
            Set.of("interdit", "interdite", "interdits", "interdites", "prohibé", "prohibée", "prohibés", "prohibées",
                    "proscrit", "proscrite", "proscrits", "proscrites", "défendu", "défendue", "défendus", "défendues");
    /**
     * Nouns and adjectives that deny what follows or what they qualify: "absence de plan bleu" is "il n'existe pas de
     * plan bleu", "à défaut de confirmation" is "si … ne confirme pas".
     */
    private static final Set<String> NEGATIVE_NOUNS = Set.of("absence", "défaut", "faute", "manque", "refus", "omission", "oubli");
    private static final Set<String> NEGATIVE_ADJECTIVES =
            Set.of("absent", "absente", "absents", "absentes", "dépourvu", "dépourvue", "dépourvus", "dépourvues",
                    "facultatif", "facultative", "facultatifs", "facultatives");
    /** Whether the token at {@code j} is a particle of "ne" ("pas", "jamais", …), not the noun "la personne", "un point". */
    private static boolean particle(List<Token> tokens, int j) {
        String word = tokens.get(j).word();
        return PARTICLES.contains(word) && !(NOUN_PARTICLES.contains(word) && DETERMINERS.contains(tokens.get(j - 1).word()));
    }

    /** Words that make a "que" a conjunction or a comparison, not the "que" of "ne … que" (also read by {@link Qualifiers}). */
    static final Set<String> CONJUNCTION_BEFORE_QUE = Set.of(
            "ainsi", "afin", "pour", "parce", "bien", "alors", "tandis", "dès", "avant", "sans", "plus", "moins", "autant",
            "tel", "telle", "tels", "telles", "sorte", "même", "après", "depuis", "pendant", "lors", "tant", "si", "aussi");
    /** Words before "manque" that make it the noun, not the verb: "par manque de", "le manque de". */
    private static final Set<String> NOUN_BEFORE = Set.of("par", "le", "un", "du", "au", "de", "d'");
    /** The marks a clause-opening "plus" follows. */
    private static final Set<String> CLAUSE_MARKS = Set.of(",", ":", ";");
    /** An adjective or participle after a clause-opening "plus": "plus utilisable", "plus accessible", "plus autorisé". */
    private static final Pattern NO_LONGER = Pattern.compile("\\p{L}{3,}(?:ables?|ibles?|ée?s?|ifs?|ives?|ue?s?|ise?s?|ites?)");
    /** Verbs whose meaning is a negation: "ne pas omettre de signaler" is "signaler", "écarter" is "ne pas retenir". */
    private static final Pattern NEGATIVE_VERB = Pattern.compile(
            "(?:omet|omett|omis|oubli|manqu(?:e|ent|ait|aient|er)$|écart(?:er|e|ent|é|ée|és|ées)$|refus(?:er|e|ent|é|ée|és|ées)$|empêch|exclu(?!si)|exclure|exclut|échapp"
                    + "|évit(?:er|e|ent|é|ée|és|ées)$|abstien|absten|renonc).*");
    /** Verbs that remove, which with "tout(e)(s)" deny what follows: "supprimer toute", "mettre fin à toute". */
    private static final Pattern REMOVAL_VERB = Pattern.compile(
            "(?:supprim|retir|élimin|bann|proscri|fin)(?:er|e|ent|ez|é|ée|és|ées|ir|it|issent)?");

    /** Whether "tout", "toute", "tous", "toutes" follows the verb at {@code at} ("à" between for "mettre fin à toute"). */
    private static boolean everyAfter(List<Token> tokens, int at) {
        if (tokens.get(at).word().equals("fin") && (at == 0 || !Set.of("mettre", "met", "mettent", "mis", "mise").contains(tokens.get(at - 1).word()))) {
            return false;
        }
        for (int j = at + 1; j < tokens.size() && j <= at + 2; j++) {
            String word = tokens.get(j).word();
            if (Set.of("tout", "toute", "tous", "toutes").contains(word)) {
                return true;
            }
            if (!word.equals("à")) {
                return false;
            }
        }
        return false;
    }

    /** The index of "fait", "font" before "défaut", an adverb allowed between ("il fait encore défaut"); -1 when none. */
    private static int madeDefault(List<Token> tokens, int at) {
        for (int j = at - 1; j >= 0 && j >= at - 2; j--) {
            if (Set.of("fait", "font", "faisait", "faisaient").contains(tokens.get(j).word())) {
                return j;
            }
        }
        return -1;
    }

    /** "ne … pas moins de", "ne … pas plus de": a bound on a figure, not a negation. */
    private static final Set<String> COMPARATIVES = Set.of("moins", "plus");
    private static final Pattern WHILE_NOT = Pattern.compile("(?iu)^\\s*tant\\s+qu(?:e(?![\\p{L}])|['’])");
    private static final Pattern EXCEPTION =
            Pattern.compile("(?iu)(?<![\\p{L}])(?:sauf|excepté|exceptée|hormis|à l['’]exception|à moins|que si|qu['’]à condition)(?![\\p{L}])");

    private Negations() {}

    /** The negation cues of {@code clause}, in order ("sans texte … n'est pas" → "sans texte", "n'est pas"). */
    static List<String> cues(String clause) {
        List<String> cues = new ArrayList<>();
        String rest = clause;
        for (Polarity polarity = of(rest); polarity.negated() && cues.size() < 10; polarity = of(rest)) {
            cues.add(polarity.cue());
            rest = rest.substring(rest.indexOf(polarity.cue()) + polarity.cue().length());
        }
        return cues;
    }

    /**
     * Whether the clause chains a verb of negative meaning with a second denial ("éviter les fichiers sans titre",
     * "éviter les fichiers dépourvus de titre"): its polarity is the parity of its denials ({@link #denials}).
     */
    static boolean chained(String clause) {
        List<Token> tokens = tokens(withoutParentheses(clause));
        boolean verb = false;
        for (int i = 0; i < tokens.size(); i++) {
            String word = tokens.get(i).word();
            String next = i + 1 < tokens.size() ? tokens.get(i + 1).word() : "";
            if (verb && ((word.equals("sans") && isWord(next) && !AFFIRMING_SANS.contains(next)) || NEGATIVE_ADJECTIVES.contains(word))) {
                return true;
            }
            verb = verb || NEGATIVE_VERB.matcher(word).matches();
            if (REMOVAL_VERB.matcher(word).matches() && everyAfter(tokens, i)) {
                // "supprimer toute retranscription": against "ne pas supprimer la retranscription", parity decides
                return true;
            }
        }
        return false;
    }

    /**
     * The denials of a clause, each written once: "ne … pas" (and its other particles), "sans", "non", a verb or an
     * adjective of negative meaning, "aucun" or "jamais" without "ne". "Il n'est pas nécessaire d'éviter les fichiers
     * sans titre" holds three: its canonical polarity is negated; "éviter les fichiers sans titre" two: affirmative.
     */
    static List<String> denials(String clause) {
        List<Token> tokens = tokens(withoutParentheses(clause));
        List<String> denials = new ArrayList<>();
        boolean ne = false;
        for (int i = 0; i < tokens.size(); i++) {
            String word = tokens.get(i).word();
            String next = i + 1 < tokens.size() ? tokens.get(i + 1).word() : "";
            if (word.equals("ne") || word.equals("n'")) {
                int particle = particleAfter(tokens, i);
                if (particle > 0 && !comparativeAfter(tokens, particle)) {
                    denials.add(clause.substring(tokens.get(i).start(), tokens.get(particle).end()));
                    ne = true;
                    i = particle;
                    int verb = particle + 1 < tokens.size() && OBJECT_PRONOUNS.contains(tokens.get(particle + 1).word()) ? particle + 2 : particle + 1;
                    if (verb < tokens.size() && REMOVAL_VERB.matcher(tokens.get(verb).word()).matches()) {
                        // "ne pas supprimer la retranscription": the removal denied
                        denials.add(tokens.get(verb).word());
                        i = verb;
                    }
                }
            } else if ((word.equals("sans") && isWord(next) && !AFFIRMING_SANS.contains(next))
                    || (word.equals("non") && isWord(next)) || word.startsWith("non-")
                    || NEGATIVE_VERB.matcher(word).matches() || NEGATIVE_ADJECTIVES.contains(word)
                    || (!ne && (word.startsWith("aucun") && word.length() <= 7 || word.equals("jamais")))
                    || (REMOVAL_VERB.matcher(word).matches() && everyAfter(tokens, i))) {
                denials.add(tokens.get(i).word());
            }
        }
        return denials;
    }

    /** How many negation cues {@code clause} holds, one after the other ("sans texte … n'est pas" is two). */
    static int count(String clause) {
        return cues(clause).size();
    }

    /** The polarity of one clause (see {@link Clauses}). */
    static Polarity of(String clause) {
        // A parenthesis gives examples or references ("(défaut d'information, refus de soins)"): its negations do not
        // set the clause's polarity. Masked with spaces so that offsets stay those of the clause.
        List<Token> tokens = tokens(withoutParentheses(clause));
        boolean restricted = false;
        for (int i = 0; i < tokens.size(); i++) {
            String word = tokens.get(i).word();
            String previous = i > 0 ? tokens.get(i - 1).word() : "";
            String next = i + 1 < tokens.size() ? tokens.get(i + 1).word() : "";
            Span cue = null;
            boolean bound = false;
            if (word.equals("ne") || word.equals("n'")) {
                if (next.equals("importe")) {
                    continue;
                }
                int particle = particleAfter(tokens, i);
                if (particle > 0 && comparativeAfter(tokens, particle)) {
                    continue;
                }
                if (particle > 0) {
                    cue = new Span(i, particle);
                } else if (particle < 0) {
                    restricted = true;
                } else if (SUBJECTS_BEFORE_NE.contains(previous)) {
                    cue = new Span(i - 1, i);
                } else if (literaryVerbAfter(tokens, i) > 0 && !EXPLETIVE_CONTEXT.matcher(clause.substring(0, tokens.get(i).start())).find()) {
                    cue = new Span(i, literaryVerbAfter(tokens, i));
                }
            } else if (word.startsWith("aucun") && word.length() <= 7 && !previous.equals("d'")) {
                cue = new Span(i, isWord(next) ? i + 1 : i);
                // "aucun autre … que": a restriction in negative form
                restricted = restricted || next.startsWith("autre");
            } else if (word.equals("jamais") && !Set.of("que", "qu'", "si").contains(previous)) {
                cue = new Span(i, i);
            } else if (word.equals("ni")) {
                cue = new Span(i, i);
            } else if (word.equals("sans") && isWord(next) && !AFFIRMING_SANS.contains(next)) {
                cue = new Span(i, i + 1);
                bound = !next.equals("que") && !next.equals("qu'");
            } else if (word.equals("plus") && (i == 0 || CLAUSE_MARKS.contains(previous)) && NO_LONGER.matcher(next).matches()
                    && !(i + 2 < tokens.size() && Set.of("que", "qu'", "de", "d'").contains(tokens.get(i + 2).word()))) {
                // telegraphic "no longer": "Capsule retirée : plus utilisable, conservée pour l'historique" (not the
                // comparative "plus adaptée que", which never opens a clause)
                cue = new Span(i, i + 1);
                bound = true;
            } else if ((word.equals("plutôt") && (next.equals("que") || next.equals("qu'")) || word.equals("lieu") && previous.equals("au")
                    && Set.of("de", "d'").contains(next)) && i + 2 < tokens.size() && isWord(tokens.get(i + 2).word())) {
                // "dire … plutôt que d'inventer", "retirée plutôt qu'alimentée", "au lieu d'inventer": the alternative
                // rejected — not inventing
                cue = new Span(word.equals("lieu") ? i - 1 : i, i + 2);
                bound = true;
            } else if (word.equals("hors") && isWord(next)) {
                cue = new Span(i, i + 1);
                bound = true;
            } else if (word.startsWith("non-")) {
                cue = new Span(i, i);
                bound = true;
            } else if (word.equals("non") && isWord(next) && !Set.of("seulement", "plus", "pas").contains(next)
                    && !previous.equals("ou") && !followedByComma(clause, tokens.get(i))) {
                cue = new Span(i, i + 1);
                bound = true;
            } else if (PROHIBITIONS.contains(word) || (word.equals("interdiction") && Set.of("de", "d'").contains(next))) {
                cue = new Span(i, i);
            } else if (word.equals("pas") && isWord(next) && !COMPARATIVES.contains(next) && contrastive(clause, tokens, i)) {
                // "un outil qui aide, pas un outil qui fait le travail", "et pas", "non pas"
                cue = new Span(i, i + 1);
            } else if (NEGATIVE_NOUNS.contains(word) && Set.of("de", "d'", "du", "des").contains(next)
                    && !(word.equals("défaut") && previous.equals("par")) && !circumstantial(tokens, i)) {
                int from = word.equals("défaut") && previous.equals("à") && i > 0 ? i - 1 : i;
                cue = new Span(from, i + 1);
                bound = true;
            } else if (word.equals("défaut") && madeDefault(tokens, i) >= 0) {
                cue = new Span(madeDefault(tokens, i), i);
            } else if (REMOVAL_VERB.matcher(word).matches() && everyAfter(tokens, i)) {
                // "supprimer toute retranscription", "en retirer toute denrée": "plus aucune retranscription"
                cue = new Span(i, i + 1);
            } else if (NEGATIVE_ADJECTIVES.contains(word)
                    || (NEGATIVE_VERB.matcher(word).matches() && !(word.equals("manque") && NOUN_BEFORE.contains(previous)))) {
                // ("par manque de personnel", "le manque de": the noun, read above — a circumstance inside a clause)
                cue = new Span(i, i);
            }
            int denials = cue == null ? 0
                    : syntactic(tokens, cue) && (negativeWordAfter(tokens, cue.to()) || negativeWordWithin(tokens, cue)) ? 2
                    : SUBJECT_DENIALS.contains(word) && negativeWordAfter(tokens, neAfter(tokens, cue.to())) ? 2
                    : NEGATIVE_VERB.matcher(word).matches() ? 1 : 0;
            if (denials > 0 && secondCue(tokens, cue.to())) {
                // "éviter les fichiers sans titre" (two denials: an affirmation), "il n'est pas nécessaire d'éviter
                // les fichiers sans titre" (three: a negation)
                denials++;
                if (denials % 2 == 1) {
                    return new Polarity(clause.substring(tokens.get(cue.from()).start(), tokens.get(cue.to()).end()),
                            clause.substring(tokens.get(cue.from()).start()).strip(), EXCEPTION.matcher(clause).find());
                }
                return new Polarity(null, null, restricted || EXCEPTION.matcher(clause).find());
            }
            if (denials == 2) {
                // "ne pas omettre de signaler", "rien ne vous empêche de", "aucune personne n'échappe à la charte":
                // two negations, an affirmation
                return new Polarity(null, null, restricted || EXCEPTION.matcher(clause).find());
            }
            if (cue != null && WHILE_NOT.matcher(clause).find()) {
                // "tant que … ne … pas", the same as "jusqu'à ce que …": a time limit, not a denial
                restricted = true;
            }
            if (cue != null) {
                // A second cue ("jamais … sans") makes a double negation, a restriction.
                // (not after a noun or adjective of denial: "pour non-transmission du dossier … sans rappel" denies twice)
                restricted = restricted || ((!bound || word.equals("sans")) && secondCue(tokens, cue.to()));
                int start = tokens.get(cue.from()).start();
                int end = tokens.get(cue.to()).end();
                int comma = clause.indexOf(',', end);
                String scope = bound
                        ? boundScope(clause, tokens, cue)
                        : clause.substring(clause.lastIndexOf(',', start) + 1, comma < 0 ? clause.length() : comma);
                if (bound) {
                    // a list of findings ("absence de plan bleu et défaut de déclaration des EIG"): each denial's scope
                    Polarity further = of(clause.substring(end));
                    if (further.negated()) {
                        scope = scope + " … " + further.scope();
                    }
                }
                return new Polarity(clause.substring(start, end), scope.strip(),
                        restricted || EXCEPTION.matcher(clause).find());
            }
        }
        return new Polarity(null, null, restricted || EXCEPTION.matcher(clause).find());
    }

    /**
     * The scope of a negation bound to a noun or an adjective ("sans prescription médicale", "absence de document
     * unique", "à but non lucratif", "non-communication du dossier"): the cue and the {@value #BOUND_WORDS} words
     * after it, within punctuation — not the whole clause, which the negation leaves
     * affirmative ("l'EHPAD est géré par une association à but non lucratif" states that an association manages it).
     */
    private static String boundScope(String clause, List<Token> tokens, Span cue) {
        // "la direction non conforme": a "non" adjective bears on the noun before it
        boolean adjective = tokens.get(cue.from()).word().equals("non") || tokens.get(cue.from()).word().startsWith("non-");
        int from = adjective && cue.from() > 0 && isWord(tokens.get(cue.from() - 1).word()) ? cue.from() - 1 : cue.from();
        int to = cue.to();
        for (int j = cue.to() + 1; j < tokens.size() && j <= cue.to() + BOUND_WORDS && isWord(tokens.get(j).word()); j++) {
            to = j;
        }
        String scope = clause.substring(tokens.get(from).start(), tokens.get(to).end());
        int comma = scope.indexOf(',', tokens.get(cue.to()).end() - tokens.get(from).start());
        return (comma < 0 ? scope : scope.substring(0, comma)).strip();
    }

    /** Words after a bound negation's cue that it bears on. */
    static final int BOUND_WORDS = 3;

    private static String withoutParentheses(String clause) {
        StringBuilder masked = new StringBuilder(clause);
        int depth = 0;
        for (int i = 0; i < masked.length(); i++) {
            char c = masked.charAt(i);
            // a quotation ("dire « les documents ne permettent pas de répondre »") is mentioned, not stated
            if (c == '(' || c == '«') {
                depth++;
            }
            if (depth > 0) {
                masked.setCharAt(i, ' ');
            }
            if ((c == ')' || c == '»') && depth > 0) {
                depth--;
            }
        }
        return masked.toString();
    }

    /**
     * The index of the particle completing the "ne" at {@code ne}; -1 when a "que" comes first (a
     * restriction), 0 when there is none (an expletive "ne").
     */
    private static int particleAfter(List<Token> tokens, int ne) {
        for (int j = ne + 1; j < tokens.size() && j <= ne + WINDOW + 1; j++) {
            String word = tokens.get(j).word();
            if (word.equals("que") || word.equals("qu'")) {
                return -1;
            }
            if (!isWord(word)) {
                return 0;
            }
            if (particle(tokens, j)) {
                return j;
            }
        }
        // "n'a mis en évidence de fragilités que dans …", "ne signaler au procureur de la République que …": the
        // restricting "que" may come further than a particle would
        for (int j = ne + WINDOW + 2; j < tokens.size() && j <= ne + RESTRICTION_WINDOW + 1; j++) {
            String word = tokens.get(j).word();
            if (!isWord(word) || particle(tokens, j)) {
                return 0;
            }
            if (word.equals("que") || word.equals("qu'")) {
                return -1;
            }
        }
        // "Ne formaliser l'information de la personne de confiance ou de la famille qu'après une chute": a "ne" with
        // no particle is restrictive wherever its "que" comes in the clause (the "ne" alone of "pouvoir", "savoir",
        // "oser", "cesser" is read before this), unless that "que" belongs to a conjunction or a comparison
        for (int j = ne + RESTRICTION_WINDOW + 2; j < tokens.size(); j++) {
            String word = tokens.get(j).word();
            if (!isWord(word) || particle(tokens, j)) {
                return 0;
            }
            if ((word.equals("que") || word.equals("qu'")) && !CONJUNCTION_BEFORE_QUE.contains(tokens.get(j - 1).word())) {
                return -1;
            }
        }
        return 0;
    }

    /** Whether the particle at {@code particle} opens a comparison: "ne … pas moins de huit", "pas plus de trois". */
    private static boolean comparativeAfter(List<Token> tokens, int particle) {
        String word = tokens.get(particle).word();
        if (!word.equals("pas") && !word.equals("jamais")) {
            return false;
        }
        for (int j = particle + 1; j + 1 < tokens.size() && j <= particle + 3; j++) {
            if (COMPARATIVES.contains(tokens.get(j).word())
                    && Set.of("de", "d'", "que", "qu'").contains(tokens.get(j + 1).word())) {
                return true;
            }
        }
        return false;
    }

    /** Whether a bare "pas" contrasts ("…, pas un outil", "et pas", "non pas", "pas d'accusé" opening a clause). */
    private static boolean contrastive(String clause, List<Token> tokens, int at) {
        if (at == 0) {
            return true;
        }
        String previous = tokens.get(at - 1).word();
        if (Set.of("et", "ou", "mais", "non").contains(previous)) {
            return true;
        }
        return clause.substring(tokens.get(at - 1).end(), tokens.get(at).start()).contains(",");
    }

    private static boolean followedByComma(String clause, Token token) {
        return clause.substring(token.end()).stripLeading().startsWith(",");
    }

    /**
     * Whether "absence", "défaut", "faute" at {@code at} open a circumstance inside the clause ("administrent les
     * médicaments en l'absence d'infirmière", "…, faute de personnel"): it denies the noun, not what the clause states.
     * At the head of a clause ("Absence de plan bleu", "À défaut de confirmation") it is the clause's polarity.
     */
    private static boolean circumstantial(List<Token> tokens, int at) {
        String previous = at > 0 ? tokens.get(at - 1).word() : "";
        if (previous.equals("l'") && at > 1 && tokens.get(at - 2).word().equals("en")) {
            return at > 2;
        }
        int head = previous.equals("à") || previous.equals("par") ? at - 1 : previous.equals("l'") || previous.equals("d'") ? at - 1 : at;
        // "faute de personnel", "par manque de personnel", "à défaut de …" inside a clause: its cause
        return (tokens.get(at).word().equals("faute") || previous.equals("à") || previous.equals("par")) && head > 0;
    }

    /** Whether the cue is a "ne" (with its particle, its literary verb or its subject "rien", "personne"). */
    private static boolean syntactic(List<Token> tokens, Span cue) {
        for (int j = cue.from(); j <= cue.to(); j++) {
            if (tokens.get(j).word().equals("ne") || tokens.get(j).word().equals("n'")) {
                return true;
            }
        }
        return false;
    }

    /** "aucun", "nul", "personne", "rien" as subjects, whose "ne" follows them. */
    private static final Set<String> SUBJECT_DENIALS = Set.of("aucun", "aucune", "nul", "nulle", "personne", "rien");

    /** The index of the "ne" after a denying subject ("aucune personne travaillant pour l'agence n'échappe"); past the end when none. */
    private static int neAfter(List<Token> tokens, int from) {
        for (int j = from + 1; j < tokens.size() && j <= from + 10; j++) {
            String word = tokens.get(j).word();
            if (word.equals("ne") || word.equals("n'")) {
                return j;
            }
            if (Set.of(";", ":", ".").contains(word)) {
                break;
            }
        }
        return tokens.size();
    }

    /** Whether a verb of negative meaning follows the cue before the next punctuation ("ne pas omettre", "n'empêche"). */
    private static boolean negativeWordAfter(List<Token> tokens, int from) {
        for (int j = from + 1; j < tokens.size() && j <= from + 5; j++) {
            String word = tokens.get(j).word();
            if (!isWord(word)) {
                return false;
            }
            if (NEGATIVE_VERB.matcher(word).matches() || NEGATIVE_ADJECTIVES.contains(word) || PROHIBITIONS.contains(word)) {
                return true;
            }
        }
        return false;
    }

    /** Whether a verb of negative meaning stands between "ne" and its particle ("ne soient omis aucun jour"). */
    private static boolean negativeWordWithin(List<Token> tokens, Span cue) {
        for (int j = cue.from() + 1; j < cue.to(); j++) {
            String word = tokens.get(j).word();
            if (NEGATIVE_VERB.matcher(word).matches() || NEGATIVE_ADJECTIVES.contains(word)) {
                return true;
            }
        }
        return false;
    }

    private static boolean secondCue(List<Token> tokens, int from) {
        for (int j = from + 1; j + 1 < tokens.size(); j++) {
            String word = tokens.get(j).word();
            if (word.equals("sans") && isWord(tokens.get(j + 1).word()) && !AFFIRMING_SANS.contains(tokens.get(j + 1).word())) {
                return true;
            }
        }
        return false;
    }

    /**
     * The index of a form of "pouvoir", "savoir", "oser" or "cesser" right after "ne" (object pronouns
     * allowed between): with these verbs "ne" alone negates ("ne peut être apportée"); 0 when none.
     */
    private static int literaryVerbAfter(List<Token> tokens, int ne) {
        for (int j = ne + 1; j < tokens.size() && j <= ne + 3; j++) {
            String word = tokens.get(j).word();
            if (LITERARY_VERBS.contains(word)) {
                return j;
            }
            if (!OBJECT_PRONOUNS.contains(word)) {
                return 0;
            }
        }
        return 0;
    }

    private static boolean isWord(String token) {
        return !token.isEmpty() && Character.isLetterOrDigit(token.charAt(0));
    }

    private record Token(String word, int start, int end) {}

    private record Span(int from, int to) {}

    private static List<Token> tokens(String clause) {
        List<Token> tokens = new ArrayList<>();
        Matcher matcher = TOKEN.matcher(clause);
        while (matcher.find()) {
            String word = matcher.group().toLowerCase(Locale.ROOT).replace('’', '\'');
            tokens.add(new Token(word, matcher.start(), matcher.end()));
        }
        return tokens;
    }
}
