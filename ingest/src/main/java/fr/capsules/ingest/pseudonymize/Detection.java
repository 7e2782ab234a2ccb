package fr.capsules.ingest.pseudonymize;

/**
 * One piece of personal data found in a text.
 *
 * @param category what it is
 * @param start offset of its first character in the text (inclusive)
 * @param end offset after its last character (exclusive)
 * @param key what identifies the value whatever its writing (a NIR's 13 digits, a phone number in
 *     E.164, a lower-case e-mail address, an ISO date…); for a person, the folded surname
 * @param person for {@link Category#PERSON}, what the mention says of the person; null otherwise
 */
public record Detection(Category category, int start, int end, String key, PersonName person) {

    public Detection {
        if (start < 0 || end <= start) {
            throw new IllegalArgumentException("empty or negative span " + start + ".." + end);
        }
        if ((category == Category.PERSON) != (person != null)) {
            throw new IllegalArgumentException("a person detection, and only it, carries a person name");
        }
    }

    static Detection of(Category category, int start, int end, String key) {
        return new Detection(category, start, end, key, null);
    }

    static Detection person(int start, int end, PersonName person) {
        return new Detection(Category.PERSON, start, end, person.surnameKey(), person);
    }

    public int length() {
        return end - start;
    }

    public boolean overlaps(int otherStart, int otherEnd) {
        return start < otherEnd && otherStart < end;
    }

    /** The detected text in {@code text}, which must be the text it was found in. */
    public String in(String text) {
        return text.substring(start, end);
    }
}
