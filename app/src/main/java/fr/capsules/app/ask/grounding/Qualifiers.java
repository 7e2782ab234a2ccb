package fr.capsules.app.ask.grounding;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The words of a French sentence that narrow or widen what it states without negating it, read on
 * the raw text like {@link Negations}:
 *
 * <ul>
 *   <li><b>bounds</b> on a figure: {@code au plus}, {@code au maximum}, {@code au plus tard},
 *       {@code dans la limite de}, {@code jusqu'à} (upper) and {@code au moins}, {@code au minimum},
 *       {@code au plus tôt}, "ne … pas avant" (lower), each tied to the nearest figure ({@link
 *       Figures}), so that "au plus tard dans les huit jours … au plus tôt après quarante-huit
 *       heures" holds two bounds;
 *   <li><b>restriction</b>: "ne … que", {@code seul(e)(s)} (not right after a verb in -ent, where it means "alone":
 *       "deux agents assurent seuls la surveillance"), {@code seulement}, {@code uniquement},
 *       {@code exclusivement}, with the restricted element (what follows "que");
 *   <li><b>exception</b>: {@code sauf}, {@code excepté}, {@code hormis}, {@code à l'exception de},
 *       {@code à moins que}, {@code à l'exclusion de}; <b>inclusion</b>, its opposite: {@code y
 *       compris}, {@code même si}, {@code quel(le) que soit}, {@code sans exception}.
 * </ul>
 *
 * <p>Stateless; thread-safe.
 */
final class Qualifiers {

    enum Bound { UPPER, LOWER }

    /** A bound and the canonical figure it bears on ({@code ""} when no figure is near). */
    record Bounded(Bound bound, String figure, String words) {}

    /**
     * @param bounds in text order
     * @param restricted the element a restriction bears on ("que" + what follows, or the whole
     *     sentence for "seulement" and its kin), null when there is no restriction
     */
    record Reading(List<Bounded> bounds, String restricted, String exception, boolean inclusion, boolean restrictsOutright) {
        boolean restriction() {
            return restricted != null;
        }
    }

    /** The figures an answer bounds with "au moins", "au plus" and their kin (not "sous", "plus de"), in order. */
    static List<Bounded> explicitBounds(String sentence) {
        List<Bounded> bounds = new ArrayList<>();
        Matcher bound = EXPLICIT_BOUND.matcher(sentence);
        while (bound.find()) {
            Bound kind = bound.group().toLowerCase().matches("au plus tard|au maximum|au plus|jusqu.à|pas plus d.") ? Bound.UPPER : Bound.LOWER;
            bounds.add(new Bounded(kind, figureNear(sentence, bound.start(), bound.end(), true), bound.group()));
        }
        return bounds;
    }

    private static final Pattern BOUND = Pattern.compile(
            "(?iu)(?<![\\p{L}])(?:(au plus tard|au maximum|au plus(?!\\s+tôt)|dans la limite d['e]|jusqu['’]à|maximum"
                    + "|pas plus d['e]|sous|dans un délai d['e]|en moins d['e]|inférieure?s? (?:ou égale?s? )?à)"
                    + "|(au plus tôt|au minimum|au moins|minimum|pas avant|ne peut intervenir avant|ne peut être \\p{L}+ avant"
                    + "|pas moins d['e]|plus d['e]|supérieure?s? (?:ou égale?s? )?à))(?![\\p{L}])");
    /** The bounds an answer may add to a figure the source gives bare: "au moins sept résidents" for "sept résidents". */
    private static final Pattern EXPLICIT_BOUND = Pattern.compile(
            "(?iu)(?<![\\p{L}])(?:au plus tard|au maximum|au plus|au plus tôt|au minimum|au moins|jusqu['’]à|pas plus d['e]|pas moins d['e])(?![\\p{L}])");
    private static final Pattern RESTRICTION = Pattern.compile(
            "(?iu)(?<![\\p{L}])(?:n['’](?!importe)|ne\\s)(?:[\\p{L}'’-]+\\s+){0,10}?(?:que(?![\\p{L}])|qu['’])\\s*([^,;:.]*)"
                    // any distance within the clause, when the "que" is no conjunction or comparison
                    + "|(?<![\\p{L}])(?:n['’](?!importe)|ne\\s)(?:(?!(?:" + String.join("|", Negations.CONJUNCTION_BEFORE_QUE) + ")\\s)[\\p{L}'’-]+\\s+){11,30}?(?:que(?![\\p{L}])|qu['’])\\s*([^,;:.]*)");
    /** "n'est jamais communiquée sans son accord", "aucun autre outil que Capsules": restrictions in negative form. */
    private static final Pattern NEGATED_RESTRICTION = Pattern.compile(
            "(?iu)(?<![\\p{L}])(?:(?:n['’]|ne\\s)(?:[\\p{L}'’-]+\\s+){0,4}?(?:jamais|pas|plus)\\s+(?:[\\p{L}'’-]+\\s+){0,8}?(?:sans|avant"
                    // "ne jamais transmettre l'identité d'un réclamant qui n'a pas donné son accord": a denied condition
                    + "|(?:qui|si|lorsque|quand)\\s+(?:[\\p{L}'’-]+\\s+){0,2}?(?:n['’]\\s*|ne\\s+)(?:[\\p{L}'’-]+\\s+){0,2}?(?:pas|jamais))\\s+([^,;:.]*)|(?:aucune?|nul(?:le)?)\\s+autres?\\s+(?:[\\p{L}'’-]+\\s+){0,6}?(?:que(?![\\p{L}])|qu['’])\\s*([^,;:.]*))");
    private static final Pattern RESTRICTING_WORD = Pattern.compile(
            "(?iu)(?<![\\p{L}])(?:(?<!\\p{L}ent\\s)(?<!à\\s(?:elle|elles|lui|eux)\\s)seule?s?|seulement|uniquement|exclusivement"
                    + "|(?:limit|réserv|dédi)(?:er|e|ent|é|ée|és|ées)\\s+(?:à|aux)|se limite(?:nt)?\\s+à"
                    // "Limiter l'aide à la prise par les aides-soignantes aux médicaments …": the object comes between
                    + "|limit(?:er|e|ent)\\s+(?:[\\p{L}'’-]+\\s+){1,8}?(?:à|aux)(?=\\s+(?:[\\p{L}'’-]+\\s+){0,3}?\\p{L}+s(?![\\p{L}])))(?![\\p{L}])");
    /**
     * The words of a sentence's restriction, from its first cue to what it restricts: "ne mentionne l'identité qu'avec son
     * accord", "ne faut pas communiquer … sans son accord", "une seule aide-soignante de nuit"; the whole sentence for an
     * adverb ("uniquement") that may bear on any of it. An answer sharing none of these words restates another part of
     * the sentence and drops no restriction.
     */
    static String restrictionSpan(String sentence) {
        Matcher restriction = RESTRICTION.matcher(sentence);
        if (restriction.find()) {
            return restriction.group();
        }
        Matcher negated = NEGATED_RESTRICTION.matcher(sentence);
        if (negated.find()) {
            return negated.group();
        }
        Matcher alone = ALONE_BEFORE_NOUN.matcher(sentence);
        return alone.find() && !RESTRICTING_ADVERB.matcher(sentence).find() ? alone.group() : sentence;
    }

    private static final Pattern RESTRICTING_ADVERB = Pattern.compile("(?iu)(?<![\\p{L}])(?:seulement|uniquement|exclusivement)(?![\\p{L}])");

    /** "un seul", "une seule", "seuls les" before what they restrict: that noun and the two words after it. */
    private static final Pattern ALONE_BEFORE_NOUN = Pattern.compile(
            "(?iu)(?<![\\p{L}])(?:une?\\s+(?:seule?|unique)|seule?s\\s+(?:les|des))\\s+((?:[\\p{L}'’-]+)(?:\\s+[\\p{L}'’-]+){0,2})");
    private static final Pattern EXCEPTION = Pattern.compile(
            "(?iu)(?<![\\p{L}])(?:sauf|excepté|exceptée|hormis|à l['’]exception d['e]|à moins qu['e]|à l['’]exclusion d['e]|en dehors d['e])(?![\\p{L}])\\s*([^,;:.]*)");
    private static final Pattern INCLUSION = Pattern.compile(
            "(?iu)(?<![\\p{L}])(?:y compris|même si|même lorsqu['e]|même quand|quel(?:le)?s? que soi(?:en)?t|sans exception|dans tous les cas|en tout état de cause)(?![\\p{L}])");

    /** "une réponse unique", "une unique réponse": one and no more, as "une seule réponse". */
    private static final Pattern SINGLE = Pattern.compile("(?iu)(?<![\\p{L}])une?\\s+(?:\\p{L}+\\s+uniques?|uniques?\\s+\\p{L}+)(?![\\p{L}])");

    /** How far from a bound its figure may be, in characters. */
    private static final int FIGURE_REACH = 60;

    private Qualifiers() {}

    static Reading of(String sentence) {
        List<Bounded> bounds = new ArrayList<>();
        Matcher bound = BOUND.matcher(sentence);
        while (bound.find()) {
            Bound kind = bound.group(1) != null ? Bound.UPPER : Bound.LOWER;
            bounds.add(new Bounded(kind, figureNear(sentence, bound.start(), bound.end()), bound.group()));
        }
        String restricted = null;
        boolean outright = false;
        Matcher restriction = RESTRICTION.matcher(sentence);
        if (restriction.find() && !restriction.group().toLowerCase().matches("(?s).*\\b(?:pas|jamais|plus|rien|aucun\\p{L}*)\\b.*(?:que|qu['’]).*")) {
            restricted = (restriction.group(1) != null ? restriction.group(1) : restriction.group(2)).strip();
            outright = true;
        } else if (NEGATED_RESTRICTION.matcher(sentence).find()) {
            Matcher negated = NEGATED_RESTRICTION.matcher(sentence);
            negated.find();
            restricted = (negated.group(1) != null ? negated.group(1) : negated.group(2)).strip();
        } else if (RESTRICTING_WORD.matcher(sentence).find() || SINGLE.matcher(sentence).find()) {
            Matcher word = RESTRICTING_WORD.matcher(sentence);
            boolean verb = word.find() && word.group().toLowerCase().matches("(?:limit|réserv|dédi|se limite).*");
            // "réservée à cet usage": the restriction bears on what follows, not on the whole sentence
            restricted = verb ? sentence.substring(word.end()).split("[,;:.]|\\s(?:et|ou)\\s", 2)[0].strip() : sentence;
            outright = true;
        }
        Matcher exception = EXCEPTION.matcher(sentence);
        String excepted = exception.find() ? exception.group(1).strip() : null;
        return new Reading(List.copyOf(bounds), restricted, excepted, INCLUSION.matcher(sentence).find(), outright);
    }

    /** The figure closest after the bound ("au moins trois fois"), else before it ("trois fois au minimum"). */
    private static String figureNear(String sentence, int start, int end) {
        return figureNear(sentence, start, end, false);
    }

    /** {@code everyWord}: number words count even before no unit ("au moins douze dossiers"). */
    private static String figureNear(String sentence, int start, int end, boolean everyWord) {
        String following = sentence.substring(end, Math.min(sentence.length(), end + FIGURE_REACH));
        Map<String, String> after = everyWord ? Figures.inSource(following) : Figures.inAnswer(following);
        if (!after.isEmpty()) {
            return after.keySet().iterator().next();
        }
        String preceding = sentence.substring(Math.max(0, start - FIGURE_REACH), start);
        Map<String, String> before = everyWord ? Figures.inSource(preceding) : Figures.inAnswer(preceding);
        return before.isEmpty() ? "" : List.copyOf(before.keySet()).getLast();
    }
}
