package fr.capsules.ingest.parse;

import java.io.Serializable;
import java.util.Objects;

/**
 * Text a parser found in a file but that a person reading the document does not see (white on a
 * white page, a 1-point font, a hidden Word run…), and therefore did not pass on as a block: a
 * document may carry instructions aimed at a model that way. Kept for the file's report only.
 *
 * @param page 1-based page for paged formats, 0 otherwise
 * @param characters how many characters were hidden in this fragment (not counting spaces)
 * @param excerpt the fragment's first characters, at most {@link #MAX_EXCERPT}; never null
 */
public record HiddenText(Kind kind, int page, int characters, String excerpt) implements Serializable {

    public static final int MAX_EXCERPT = 120;

    /** How the text was hidden; {@link #label()} completes "texte …" in a French sentence. */
    public enum Kind {
        BACKGROUND_COLOUR("en blanc ou de la couleur du fond"),
        TINY_FONT("en police de moins de 2 points"),
        OUTSIDE_PAGE("hors de la zone visible de la page"),
        INVISIBLE_RENDERING("en mode de rendu invisible"),
        HIDDEN_LAYER("dans un calque masqué"),
        ANNOTATION("dans des annotations"),
        METADATA("dans les métadonnées"),
        HIDDEN_FORMATTING("marqué « masqué » (mise en forme)"),
        HIDDEN_ELEMENT("masqué par un style ou un attribut HTML");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    public HiddenText {
        Objects.requireNonNull(kind, "kind");
        excerpt = excerpt == null ? "" : excerpt.strip();
        if (excerpt.length() > MAX_EXCERPT) {
            excerpt = excerpt.substring(0, MAX_EXCERPT);
        }
    }

    /** A fragment of {@code text}, its characters counted without whitespace; null for blank text. */
    public static HiddenText of(Kind kind, int page, String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        int characters = (int) text.codePoints().filter(c -> !Character.isWhitespace(c)).count();
        return new HiddenText(kind, page, characters, text.replaceAll("\\s+", " "));
    }
}
