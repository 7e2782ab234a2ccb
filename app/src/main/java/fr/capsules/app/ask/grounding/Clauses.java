package fr.capsules.app.ask.grounding;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The clauses of a sentence whose polarity may differ: "Le directeur ne doit pas informer la
 * famille avant l'enquête ; il prévient l'ARS." holds a negated and an affirmative clause, and an
 * answer quoting only the second must not be compared with the first.
 *
 * <p>Splits only where French reliably changes clause: {@code ;}, {@code :}, "mais", "tandis que",
 * "alors que", "en revanche", and the comma closing an opening condition ("Si le résident ne peut
 * pas se déplacer, l'inspecteur …", "Lorsque …,", "En cas de …,"). An opening "Après …," is a time
 * phrase, not a condition ("Après validation, la mention est retirée" is one clause). Other commas stay: they separate
 * incidental phrases from the negation they sit in ("ne doit pas, avant l'enquête, informer …"). Also cut: before ",
 * sans que …", at an "et" that joins two clauses with their own subject and verb, and between the acts of an
 * instruction list ("Limiter … et formaliser …", see {@link #acts}), and between the cells of a table row written with
 * {@code |} (a finding "non tracée" and its measure "Tracer …" are two statements).
 *
 * <p>Stateless; thread-safe.
 */
final class Clauses {

    private static final Pattern SPLIT =
            Pattern.compile("(?iu)\\s*[;:]\\s*|,?\\s+(?=(?:mais|tandis que|alors que|en revanche)(?![\\p{L}]))"
                    // a contrast: "selon le planning et non selon le rythme", "un outil qui aide, pas un outil qui …"
                    + "|,?\\s+(?=(?:et non|et pas|non pas)\\s)|,\\s+(?=(?:pas|non)\\s+(?!seulement|plus|pas)\\p{L})"
                    // a clause of its own with its subject: "…, sans que l'établissement ait à transmettre …"
                    + "|,?\\s+(?=sans\\s+qu(?:e\\s|['’]))"
                    // a table row's cells ("| E3 | Clé laissée sur la serrure | écart | … | Confier la clé … |"): each cell
                    // a statement of its own, the finding's polarity not the measure's
                    + "|\\s*\\|\\s*");
    /** "… et sa composition a été renouvelée": "et" before a subject whose verb follows opens a clause of its own. */
    private static final Pattern AND_SUBJECT = Pattern.compile(
            "(?iu)\\s+et\\s+(?=l['’]|(?:le|la|les|sa|son|ses|leur|leurs|il|elle|ils|elles|on|ce|cette|ces|aucune?|cela)(?![\\p{L}]))");
    private static final Pattern FINITE_VERB = Pattern.compile(
            "(?iu)(?<![\\p{L}])(?:n['’]|(?:est|sont|a|ont|était|étaient|avait|avaient|sera|seront|doit|doivent|peut|peuvent"
                    + "|fait|font|reste|restent|ne|se)(?![\\p{L}])|s['’](?=\\p{L}))");
    private static final Pattern OPENING_CONDITION =
            Pattern.compile("(?iu)^(?:si|s['’]|lorsque|lorsqu['’]|quand|dès que|dès lors que|en cas d['e]|faute d['e]|à défaut d['e]|avant d['e]|pour|bien que|même si|tant que|tant qu['’]|en l['’]absence d['e]|en cas d['’]absence d['e])(?![\\p{L}])[^,]*,");

    private Clauses() {}

    /**
     * The clauses of an answer sentence: those of {@link #of}, except that a topic set before a colon and taken up by a
     * pronoun after it ("Les identifiants et mots de passe : il est interdit de les saisir …") stays with the clause that
     * takes it up — a verbless topic states nothing on its own, its polarity is that clause's.
     */
    static List<String> ofAnswer(String sentence) {
        Matcher topic = DISLOCATED_TOPIC.matcher(sentence);
        if (topic.lookingAt() && !FINITE_VERB.matcher(topic.group(1)).find()) {
            List<String> clauses = new ArrayList<>(of(sentence.substring(topic.end())));
            if (!clauses.isEmpty()) {
                clauses.set(0, topic.group(1).strip() + " : " + clauses.get(0));
            }
            return clauses;
        }
        return of(sentence);
    }

    /** A topic before a colon, then a clause that takes it up with an object pronoun ("il est interdit de les saisir"). */
    private static final Pattern DISLOCATED_TOPIC = Pattern.compile(
            "(?iu)([^:;]+?)\\s*:\\s*(?=[^:;.]*?(?<![\\p{L}])(?:les|le|la|l['’]|en|y)\\s+\\p{L}+(?:er|ir|re)(?![\\p{L}]))");

    /** The clauses of {@code sentence}, trimmed and in order; the sentence itself when it has one. */
    static List<String> of(String sentence) {
        List<String> clauses = new ArrayList<>();
        for (String part : SPLIT.split(sentence)) {
            String clause = part.strip();
            Matcher condition = OPENING_CONDITION.matcher(clause);
            if (condition.find()) {
                add(clause.substring(0, condition.end() - 1), clauses);
                clause = clause.substring(condition.end()).strip();
            }
            for (String coordinated : coordinated(clause)) {
                for (String act : acts(coordinated)) {
                    add(act, clauses);
                }
            }
        }
        return clauses;
    }

    /**
     * The clause cut at each "et" that joins two clauses with a subject and a verb of their own ("le CVS ne s'est pas
     * réuni et sa composition a été renouvelée"); "et" joining objects ("le registre et le planning") does not cut.
     */
    private static List<String> coordinated(String clause) {
        List<String> parts = new ArrayList<>();
        Matcher and = AND_SUBJECT.matcher(clause);
        int start = 0;
        while (and.find()) {
            String before = clause.substring(start, and.start());
            Matcher following = AND_SUBJECT.matcher(clause);
            int next = following.find(and.end()) ? following.start() : -1;
            String after = clause.substring(and.end(), next < 0 ? clause.length() : next);
            if (FINITE_VERB.matcher(before).find() && FINITE_VERB.matcher(after).find()) {
                parts.add(before.strip());
                start = and.end();
            }
        }
        parts.add(clause.substring(start).strip());
        return parts;
    }

    /**
     * An instruction that lists acts ("Limiter l'aide à la prise … et formaliser un protocole validé par le médecin",
     * "Mettre fin à toute contention non prescrite, faire prescrire … et établir l'annexe"), cut before each infinitive
     * that follows a comma or "et": each act has its own polarity. Only in a clause that opens with an infinitive (after
     * "il faut", "il convient de", "on doit" too); an infinitive right after another ("faire prescrire et réévaluer",
     * "aller et venir") stays with it.
     */
    private static List<String> acts(String clause) {
        Matcher first = LEADING_INFINITIVE.matcher(clause);
        if (!first.lookingAt() || !infinitive(first.group(1))) {
            return List.of(clause);
        }
        List<String> acts = new ArrayList<>();
        Matcher act = NEXT_ACT.matcher(clause);
        int start = 0;
        while (act.find()) {
            if (!infinitive(act.group(3)) || infinitive(act.group(1))) {
                continue;
            }
            acts.add(clause.substring(start, act.end(1)).strip());
            start = act.group(2) != null ? act.start(2) : act.start(3);
        }
        acts.add(clause.substring(start).strip());
        return acts;
    }

    private static final Pattern LEADING_INFINITIVE = Pattern.compile(
            "(?iu)(?:(?:il\\s+faut|il\\s+convient\\s+d(?:e\\s+|['’])|il\\s+est\\s+nécessaire\\s+d(?:e\\s+|['’])|on\\s+doit)\\s*)?"
                    + "(?:ne\\s+(?:pas|plus|jamais)\\s+)?(\\p{L}+)(?![\\p{L}])");
    /** A word, a comma or "et", then a word that may be an infinitive (an object pronoun may come first: "et en retirer"). */
    private static final Pattern NEXT_ACT = Pattern.compile(
            "(?iu)(\\p{L}+)(?:\\s*,\\s+|\\s+et\\s+)((?:en|y|le|la|les|l['’]|se|s['’])\\s*)?(\\p{L}+)(?![\\p{L}'’])");
    /**
     * Endings of French infinitives: -er (not the nouns in -ier, but a few verbs), -ir (not -oir, but a few verbs), -re
     * (verbs in -dre, -tre, -ire, -uire, -ivre, -clure, -oire).
     */
    private static final Pattern INFINITIVE = Pattern.compile(
            "(?iu)(?=\\p{L}{4,})\\p{L}*(?:(?<!i)er|(?:ifi|ubli|udi|opi|éci|onfi|pli|ssoci|éconcili|ni)er|(?<!o)ir|(?:v|pouv|dev|sav|cev|év)oir|(?<!a)dre|[^aeiouy]tre|(?<![aio])ire|(?:f|pl|t)aire|uire|ivre|clure|(?:b|cr)oire)");
    private static final java.util.Set<String> NOT_INFINITIVES = java.util.Set.of(
            "entre", "contre", "notre", "votre", "autre", "titre", "ordre", "registre", "centre", "lettre", "ministre",
            "cadre", "hier", "avenir", "plaisir", "désir", "loisir", "être", "mer", "fer", "cher", "amer", "hiver", "pouvoir",
            "devoir", "savoir", "super", "leader", "manager", "poster", "master", "cluster", "dispatcher", "sinistre",
            "empire", "martyr", "mètre", "kilomètre", "litre", "filtre", "chapitre", "spectre", "théâtre");

    /**
     * Whether the clause asks for an act: it opens with an infinitive ("Tracer l'habilitation …", "Il faut analyser …"),
     * or an obligation or a recommendation governs one ("L'officine doit recruter …", "Il est recommandé de mesurer …").
     */
    static boolean instruction(String clause) {
        Matcher first = LEADING_INFINITIVE.matcher(clause.strip());
        if (first.lookingAt() && infinitive(first.group(1))) {
            return true;
        }
        Matcher governed = OBLIGATION.matcher(clause);
        return governed.find() && infinitive(governed.group(1));
    }

    private static final Pattern OBLIGATION = Pattern.compile(
            "(?iu)(?<![\\p{L}])(?:doit|doivent|devra|devront|il\\s+faut|(?:recommandé|demandé|nécessaire|convient)\\s+d(?:e\\s+|['’]))"
                    + "\\s*(?:[\\p{L}]+ment\\s+|(?:sous|dans)\\s+[^,;]{1,20}?\\s+)?(?:(?:en|y|le|la|les|l['’]|se|s['’])\\s*)?(\\p{L}+)(?![\\p{L}])");

    private static boolean infinitive(String word) {
        String lower = word.toLowerCase(java.util.Locale.ROOT);
        return INFINITIVE.matcher(lower).matches() && !NOT_INFINITIVES.contains(lower);
    }

    private static void add(String clause, List<String> clauses) {
        if (clause.chars().anyMatch(Character::isLetter)) {
            clauses.add(clause);
        }
    }
}
