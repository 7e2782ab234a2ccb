package fr.capsules.ingest.pseudonymize;

import fr.capsules.ingest.pseudonymize.PersonName.Gender;
import fr.capsules.ingest.pseudonymize.PseudonymTableException.Reason;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The correspondence between a capsule's pseudonyms and what they replace. One table per capsule:
 * the same NIR, phone number, e-mail address, IBAN, date of birth or address gets the same
 * pseudonym in every document of the capsule, and so does the same person however written ("Mme
 * Dupont", "Madame Jeanne Dupont", "DUPONT Jeanne").
 *
 * <p>People are matched on the folded surname, then on what else the mention says: a first name
 * (or its initial) that differs, or a civility of the other gender, means another person ("M.
 * Durand" and "Mme Durand" are two people); a mention saying less than a known person joins the
 * first one it does not contradict.
 *
 * <p>Reading a table gives back personal data: it is for administrators and the capsule's
 * referents only (checked by the application). On disk it is only ever encrypted ({@link
 * #save}, {@link #load}). Thread-safe: every method holds the table's lock for its duration.
 */
public final class PseudonymTable {

    /**
     * One pseudonym and what it stands for.
     *
     * @param key the value's identity (see {@link Detection#key()})
     * @param originals the distinct writings replaced by this pseudonym, first seen first (at most
     *     {@value #MAX_ORIGINALS})
     */
    public record Entry(Category category, String pseudonym, String key, List<String> originals) {

        public Entry {
            originals = List.copyOf(originals);
        }
    }

    static final int MAX_ORIGINALS = 50;
    private static final int FORMAT_VERSION = 1;

    private final Map<Category, Integer> counters = new EnumMap<>(Category.class);
    private final Map<Category, Map<String, Slot>> byKey = new EnumMap<>(Category.class);
    private final Map<String, List<PersonSlot>> personsBySurname = new HashMap<>();
    private final Map<String, Slot> byPseudonym = new LinkedHashMap<>();

    private static class Slot {
        final Category category;
        final int number;
        final String key;
        final Set<String> originals = new LinkedHashSet<>();

        Slot(Category category, int number, String key) {
            this.category = category;
            this.number = number;
            this.key = key;
        }

        void seen(String original) {
            if (original != null && originals.size() < MAX_ORIGINALS) {
                originals.add(original);
            }
        }

        Entry entry() {
            return new Entry(category, category.pseudonym(number), key, new ArrayList<>(originals));
        }
    }

    private static final class PersonSlot extends Slot {
        String firstName;
        Gender gender;

        PersonSlot(int number, String surname, String firstName, Gender gender) {
            super(Category.PERSON, number, surname);
            this.firstName = firstName;
            this.gender = gender;
        }

        boolean accepts(String otherFirstName, Gender otherGender) {
            return gender.compatibleWith(otherGender) && (otherFirstName == null || firstName == null
                    || sameFirstName(firstName, otherFirstName));
        }
    }

    /** A new, empty table. */
    public static PseudonymTable empty() {
        return new PseudonymTable();
    }

    /**
     * The pseudonym of a value that is not a person, given on first sight and kept.
     *
     * @param key the value's identity ({@link Detection#key()})
     * @param original the writing being replaced, remembered for administrators; may be null
     */
    public synchronized String pseudonym(Category category, String key, String original) {
        if (category == Category.PERSON) {
            throw new IllegalArgumentException("a person's pseudonym comes from person(PersonName, String)");
        }
        Slot slot = byKey.computeIfAbsent(category, c -> new HashMap<>())
                .computeIfAbsent(key, k -> register(new Slot(category, next(category), k)));
        slot.seen(original);
        return category.pseudonym(slot.number);
    }

    /**
     * The pseudonym of the person {@code name} names: an existing person it does not contradict
     * (first name then gender), completed with what the mention adds, or a new person.
     */
    public String person(PersonName name, String original) {
        return person(name, original, null);
    }

    /**
     * As {@link #person(PersonName, String)}, but a mention without first name goes to the person
     * whose pseudonym is {@code recent} (the last one of that surname named before it in the same
     * text) when that person has the same surname and nothing contradicts: "Mme Durand", after
     * "Jacqueline Durand", is Jacqueline rather than the first Durand the capsule met.
     */
    public synchronized String person(PersonName name, String original, String recent) {
        List<PersonSlot> sameSurname = personsBySurname.computeIfAbsent(name.surnameKey(), k -> new ArrayList<>());
        String firstName = name.firstNameKey();
        PersonSlot match = null;
        if (firstName == null && recent != null && byPseudonym.get(recent) instanceof PersonSlot last
                && sameSurname.contains(last) && last.accepts(null, name.gender())) {
            match = last;
        }
        if (match == null && firstName != null) {
            // An exact first name wins over a person whose first name is still unknown.
            match = sameSurname.stream()
                    .filter(p -> p.firstName != null && p.accepts(firstName, name.gender()))
                    .findFirst()
                    .orElse(null);
        }
        if (match == null) {
            match = sameSurname.stream().filter(p -> p.accepts(firstName, name.gender())).findFirst().orElse(null);
        }
        if (match == null) {
            match = register(new PersonSlot(next(Category.PERSON), name.surnameKey(), firstName, name.gender()));
            sameSurname.add(match);
        }
        if (match.firstName == null || (match.firstName.endsWith(".") && firstName != null && !firstName.endsWith("."))) {
            match.firstName = firstName;
        }
        if (match.gender == Gender.UNKNOWN && name.gender() != Gender.COUPLE) {
            match.gender = name.gender();
        }
        match.seen(original);
        return Category.PERSON.pseudonym(match.number);
    }

    /**
     * The pseudonym of a person known only by a first name ("Bonjour Claire,") when no person of
     * the text has that first name: one pseudonym per first name, kept apart from surnames so that
     * the first name is never looked for as a surname.
     */
    public synchronized String firstNameOnly(String firstName, String original) {
        String key = Folding.name(firstName);
        List<PersonSlot> known = personsBySurname.computeIfAbsent("", k -> new ArrayList<>());
        PersonSlot match = known.stream().filter(p -> key.equals(p.firstName)).findFirst().orElse(null);
        if (match == null) {
            match = register(new PersonSlot(next(Category.PERSON), "", key, Gender.UNKNOWN));
            known.add(match);
        }
        match.seen(original);
        return Category.PERSON.pseudonym(match.number);
    }

    /** What {@code pseudonym} stands for, if this table gave it. */
    public synchronized Optional<Entry> entry(String pseudonym) {
        return Optional.ofNullable(byPseudonym.get(pseudonym)).map(Slot::entry);
    }

    /** Every entry, in the order pseudonyms were given. */
    public synchronized List<Entry> entries() {
        return byPseudonym.values().stream().map(Slot::entry).toList();
    }

    /** The folded surnames of the persons known, for finding their bare mentions. */
    public synchronized Set<String> surnames() {
        Set<String> surnames = new LinkedHashSet<>();
        personsBySurname.forEach((surname, persons) -> {
            if (!persons.isEmpty() && !surname.isEmpty()) {
                surnames.add(surname);
            }
        });
        return surnames;
    }

    public synchronized int size() {
        return byPseudonym.size();
    }

    /**
     * Writes this table encrypted with {@code key} (AES-256-GCM) to {@code file}, atomically: a
     * reader sees the previous table or this one, never a part.
     */
    public void save(Path file, PseudonymKey key) throws IOException {
        Stored stored;
        synchronized (this) {
            stored = stored();
        }
        SealedFiles.write(file, stored, key);
    }

    /**
     * Reads a table written by {@link #save}.
     *
     * @throws PseudonymTableException when the key is wrong, the file was altered or is not a table
     * @throws IOException when the file cannot be read (a missing file included)
     */
    public static PseudonymTable load(Path file, PseudonymKey key) throws IOException {
        Stored stored = SealedFiles.read(file, Stored.class, key);
        try {
            return fromStored(stored);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new PseudonymTableException(Reason.NOT_A_TABLE, e);
        }
    }

    /** {@link #load} when {@code file} exists, an empty table otherwise. */
    public static PseudonymTable loadOrEmpty(Path file, PseudonymKey key) throws IOException {
        return Files.exists(file) ? load(file, key) : empty();
    }

    private <S extends Slot> S register(S slot) {
        byPseudonym.put(slot.category.pseudonym(slot.number), slot);
        return slot;
    }

    private int next(Category category) {
        return counters.merge(category, 1, Integer::sum);
    }

    private static boolean sameFirstName(String known, String other) {
        if (known.endsWith(".") || other.endsWith(".")) {
            return known.charAt(0) == other.charAt(0);
        }
        return known.equals(other);
    }

    record Stored(int version, Map<Category, Integer> counters, List<StoredEntry> entries) {}

    record StoredEntry(Category category, int number, String key, String firstName, Gender gender, List<String> originals) {}

    private Stored stored() {
        List<StoredEntry> entries = new ArrayList<>();
        for (Slot slot : byPseudonym.values()) {
            PersonSlot person = slot instanceof PersonSlot p ? p : null;
            entries.add(new StoredEntry(slot.category, slot.number, slot.key, person == null ? null : person.firstName,
                    person == null ? null : person.gender, List.copyOf(slot.originals)));
        }
        return new Stored(FORMAT_VERSION, new EnumMap<>(counters), entries);
    }

    private static PseudonymTable fromStored(Stored stored) {
        if (stored.version() != FORMAT_VERSION) {
            throw new PseudonymTableException(Reason.NOT_A_TABLE);
        }
        PseudonymTable table = new PseudonymTable();
        table.counters.putAll(stored.counters());
        for (StoredEntry e : stored.entries()) {
            Slot slot;
            if (e.category() == Category.PERSON) {
                PersonSlot person = new PersonSlot(e.number(), e.key(), e.firstName(), e.gender() == null ? Gender.UNKNOWN : e.gender());
                table.personsBySurname.computeIfAbsent(e.key(), k -> new ArrayList<>()).add(person);
                slot = person;
            } else {
                slot = new Slot(e.category(), e.number(), e.key());
                table.byKey.computeIfAbsent(e.category(), c -> new HashMap<>()).put(e.key(), slot);
            }
            e.originals().forEach(slot::seen);
            table.register(slot);
        }
        return table;
    }
}
