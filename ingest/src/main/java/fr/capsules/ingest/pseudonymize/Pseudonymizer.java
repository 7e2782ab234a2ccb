package fr.capsules.ingest.pseudonymize;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Replaces the personal data in a text by pseudonyms consistent across a capsule: {@code [PERSONNE
 * 3]}, {@code [NIR 1]}, {@code [TÉLÉPHONE 2]}, {@code [EMAIL 1]}, {@code [IBAN 1]}, {@code [DATE DE
 * NAISSANCE 1]}, {@code [ADRESSE 1]}.
 *
 * <p>Method, in order:
 *
 * <ol>
 *   <li>every detector runs on the whole text: e-mail, IBAN, NIR, phone, date of birth, address,
 *       establishment, and the person rules (civility, role, signature and e-mail headers, form
 *       fields, first-name list);
 *   <li>overlaps are settled by precedence, then length: validated identifiers first (e-mail, IBAN,
 *       NIR, phone, date of birth), then legal references (kept), addresses, establishment names
 *       (kept unless switched on), then persons, longest mention first;
 *   <li>the surnames of the persons found, with those the capsule's table already knows, are looked
 *       for as bare mentions ("Durand a indiqué…") in the spaces left; then first names alone in
 *       greetings and sign-offs, and the first names of the text's persons ("Antoine se charge…");
 *   <li>kept terms and categories switched off are left as written;
 *   <li>each remaining detection gets its pseudonym from the table, in text order; a mention without
 *       first name prefers the last person of that surname named before it in the text.
 * </ol>
 *
 * <p>Deterministic: the same text and table state give the same result. Stateless and thread-safe;
 * one instance serves every capsule (the table carries the capsule's state).
 */
public final class Pseudonymizer {

    private static final Comparator<Detection> BY_PRECEDENCE = Comparator
            .comparingInt((Detection d) -> rank(d.category()))
            .thenComparing(Comparator.comparingInt(Detection::length).reversed())
            .thenComparingInt(Detection::start);

    private final PseudonymizationSettings settings;
    private final Set<String> keptTerms;
    private final List<Detector> identifiers = List.of(
            new EmailDetector(), new IbanDetector(), new NirDetector(), new PhoneDetector(), new BirthDateDetector());
    private final AddressDetector addresses = new AddressDetector();
    private final EstablishmentDetector establishments = new EstablishmentDetector();
    private final ArticleReferences articles = new ArticleReferences();
    private final List<Detector> persons = List.of(
            new CivilityNameDetector(), new RoleNameDetector(), new SignatureDetector(), new FieldNameDetector(),
            new FullNameDetector());
    private final KnownSurnameDetector knownSurnames = new KnownSurnameDetector();
    private final FirstNameMentions firstNames = new FirstNameMentions();
    private final NameScanner scanner = new NameScanner();
    private static final Pattern JOINED_NAME =
            Pattern.compile("[ \\u00A0]*[(,]?[ \\u00A0]*(?:née|épouse|ép\\.|veuve)[ \\u00A0]+");

    public Pseudonymizer(PseudonymizationSettings settings) {
        this.settings = settings;
        this.keptTerms = settings.foldedKeptTerms();
    }

    /** With {@link PseudonymizationSettings#defaults()}. */
    public Pseudonymizer() {
        this(PseudonymizationSettings.defaults());
    }

    /**
     * Pseudonymises {@code text}, giving and recording pseudonyms in {@code table} (the capsule's).
     * A null or empty text gives an empty result.
     */
    public PseudonymizationResult pseudonymize(String text, PseudonymTable table) {
        if (text == null || text.isEmpty()) {
            return PseudonymizationResult.of("", List.of());
        }
        Set<Detection> firstNameOnly = Collections.newSetFromMap(new IdentityHashMap<>());
        List<Detection> kept = detections(text, table.surnames(), firstNameOnly);
        List<Replacement> replacements = new ArrayList<>(kept.size());
        Map<String, String> lastPersonBySurname = new HashMap<>();
        StringBuilder out = new StringBuilder(text.length());
        int at = 0;
        for (Detection d : kept) {
            String original = d.in(text);
            String pseudonym;
            if (firstNameOnly.contains(d)) {
                pseudonym = table.firstNameOnly(d.person().surname(), original);
            } else if (d.category() == Category.PERSON) {
                pseudonym = table.person(d.person(), original, lastPersonBySurname.get(d.key()));
                lastPersonBySurname.put(d.key(), pseudonym);
            } else {
                pseudonym = table.pseudonym(d.category(), d.key(), original);
            }
            out.append(text, at, d.start()).append(pseudonym);
            at = d.end();
            replacements.add(new Replacement(d.category(), d.start(), d.end(), original, pseudonym));
        }
        out.append(text, at, text.length());
        return PseudonymizationResult.of(out.toString(), replacements);
    }

    /**
     * The detections that would be replaced in {@code text}, in text order, without giving
     * pseudonyms: for previews and tests.
     *
     * @param knownSurnames folded surnames already known in the capsule ({@link PseudonymTable#surnames()})
     */
    public List<Detection> detect(String text, Set<String> knownSurnames) {
        return detections(text, knownSurnames, Collections.newSetFromMap(new IdentityHashMap<>()));
    }

    private List<Detection> detections(String text, Set<String> tableSurnames, Set<Detection> firstNameOnly) {
        Occupancy taken = new Occupancy();
        List<Detection> accepted = new ArrayList<>();
        List<Detection> identified = new ArrayList<>();
        identifiers.forEach(d -> identified.addAll(d.detect(text)));
        claim(identified, taken, accepted);
        // Legal references are claimed before addresses and names, so nothing inside them is replaced.
        articles.find(text).forEach(span -> taken.claim(span[0], span[1]));
        List<Detection> worded = new ArrayList<>(addresses.detect(text));
        worded.addAll(establishments.detect(text));
        persons.forEach(d -> worded.addAll(d.detect(text)));
        claim(worded, taken, accepted);
        claimJoinedNames(text, taken, accepted);
        accepted.removeIf(d -> isKept(d, text));

        Set<String> surnames = new LinkedHashSet<>(tableSurnames);
        accepted.stream().filter(d -> d.category() == Category.PERSON).forEach(d -> surnames.add(d.key()));
        surnames.removeIf(keptTerms::contains);
        for (Detection d : knownSurnames.detect(text, surnames)) {
            if (!isKept(d, text) && taken.claim(d.start(), d.end())) {
                accepted.add(d);
            }
        }
        // First names alone: the person of this text with that first name, or a person known by it only.
        Map<String, PersonName> byFirstName = firstNamesOf(accepted);
        List<Detection> alone = new ArrayList<>(firstNames.addressed(text));
        alone.addAll(firstNames.known(text, byFirstName.keySet()));
        for (Detection d : alone) {
            PersonName full = byFirstName.get(Folding.name(d.person().surname()));
            Detection resolved = full == null ? d : Detection.person(d.start(), d.end(), full);
            if (!isKept(resolved, text) && taken.claim(d.start(), d.end())) {
                accepted.add(resolved);
                if (full == null) {
                    firstNameOnly.add(resolved);
                }
            }
        }
        accepted.removeIf(d -> !settings.replaces(d.category()));
        accepted.sort(Comparator.comparingInt(Detection::start));
        return accepted;
    }

    /**
     * A maiden or married name right after a person found by any rule ("Maria Ferreira (née Da
     * Silva)", "Jeanne Dupont, épouse Martin") is that person's too: same identity, so the same
     * pseudonym. The civility rule already includes it in its own mentions ("Mme Durand née Martin").
     */
    private void claimJoinedNames(String text, Occupancy taken, List<Detection> accepted) {
        List<Detection> persons = accepted.stream().filter(d -> d.category() == Category.PERSON).toList();
        for (Detection d : persons) {
            Matcher joined = JOINED_NAME.matcher(text).region(d.end(), text.length());
            if (!joined.lookingAt()) {
                continue;
            }
            NameScanner.Read other = scanner.read(text, joined.end(), true);
            if (other != null && taken.claim(joined.end(), other.end())) {
                accepted.add(Detection.person(joined.end(), other.end(), d.person()));
            }
        }
    }

    /** The persons of the text by folded first name, when one first name belongs to one person. */
    private static Map<String, PersonName> firstNamesOf(List<Detection> accepted) {
        Map<String, PersonName> byFirstName = new HashMap<>();
        Set<String> ambiguous = new HashSet<>();
        for (Detection d : accepted) {
            PersonName p = d.category() == Category.PERSON ? d.person() : null;
            if (p == null || p.firstName() == null || p.firstNameIsInitial() || p.firstName().contains(" ")) {
                continue;
            }
            PersonName previous = byFirstName.putIfAbsent(p.firstNameKey(), p);
            if (previous != null && !previous.surnameKey().equals(p.surnameKey())) {
                ambiguous.add(p.firstNameKey());
            }
        }
        ambiguous.forEach(byFirstName::remove);
        return byFirstName;
    }

    private static void claim(List<Detection> candidates, Occupancy taken, List<Detection> accepted) {
        candidates.sort(BY_PRECEDENCE);
        for (Detection d : candidates) {
            if (taken.claim(d.start(), d.end())) {
                accepted.add(d);
            }
        }
    }

    private boolean isKept(Detection d, String text) {
        if (keptTerms.isEmpty()) {
            return false;
        }
        if (d.category() == Category.PERSON) {
            PersonName p = d.person();
            String surname = Folding.alphanumeric(p.surname());
            return keptTerms.contains(surname) || keptTerms.contains(Folding.alphanumeric(p.surnameKey()))
                    || (p.firstName() != null && (keptTerms.contains(Folding.alphanumeric(p.firstName() + p.surname()))
                            || keptTerms.contains(surname + Folding.alphanumeric(p.firstName()))));
        }
        return keptTerms.contains(Folding.alphanumeric(d.in(text))) || keptTerms.contains(Folding.alphanumeric(d.key()));
    }

    private static int rank(Category category) {
        return switch (category) {
            case EMAIL -> 0;
            case IBAN -> 1;
            case NIR -> 2;
            case PHONE -> 3;
            case BIRTH_DATE -> 4;
            case ADDRESS -> 6;
            case ESTABLISHMENT -> 7;
            case PERSON -> 8;
        };
    }
}
