package fr.capsules.ingest.screen;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/**
 * The pre-checks found in one pass ({@link WordsHeld}, folding as it reads) decide as the ones
 * they replace: each pattern's words looked for with {@code contains} in the case-folded text, and
 * three marks in a row looked for in it too.
 */
class InstructionSignalsPreChecksTests {

    // The former pre-checks, as they were written, in the order of the patterns.
    private static final String[] RULE_WORDS = {"instruction", "consigne", "gles", "directive", "prompt", "ordres"};
    private static final List<Predicate<String>> BEFORE = List.of(
            anyOf(RULE_WORDS),
            anyOf(RULE_WORDS),
            anyOf("prompt", "instructions", "consignes"),
            anyOf("sormais", "maintenant", "navant"),
            anyOf("sormais", "navant", "maintenant"),
            anyOf("now", "pretend", "agis", "instructions", "consignes", "prompt", "veloppeur", "developer", "jailbreak"),
            anyOf(":").and(anyOf("syst", "assistant", "user", "utilisateur", "human")),
            anyOf("<|", "inst]", "sys]", "sys>>", "_of_turn>", "##"),
            anyOf("<"),
            anyOf("fin", "end").and(anyOf("document", "passage", "context", "donn", "data"))
                    .and(InstructionSignalsPreChecksTests::hasRunOfThreeMarks));

    private static Predicate<String> anyOf(String... words) {
        return folded -> {
            for (String word : words) {
                if (folded.contains(word)) {
                    return true;
                }
            }
            return false;
        };
    }

    private static boolean hasRunOfThreeMarks(String text) {
        int run = 0;
        for (int i = 0; i < text.length(); i++) {
            run = "-=#*]>".indexOf(text.charAt(i)) >= 0 ? run + 1 : 0;
            if (run == 3) {
                return true;
            }
        }
        return false;
    }

    /** As the former {@code foldCase}: each code point as lower case of upper case. */
    private static String foldCase(String text) {
        StringBuilder folded = new StringBuilder();
        text.codePoints().forEach(cp -> folded.appendCodePoint(Character.toLowerCase(Character.toUpperCase(cp))));
        return folded.toString();
    }

    private static final List<String> PIECES = List.of(
            "instruction", "INSTRUCTIONS", "consigne", "Consignes", "règles", "RÈGLES", "gles", "directive", "prompt",
            "ordres", "désormais", "DÉSORMAIS", "maintenant", "dorénavant", "now", "NOW", "pretend", "agis",
            "développeur", "developer", "jailbreak", ":", "syst", "système", "assistant", "user", "utilisateur", "human",
            "<|", "[INST]", "[inst]", "[SYS]", "<<SYS>>", "<end_of_turn>", "##", "#", "<", "fin", "FIN", "end",
            "document", "passages", "context", "données", "data", "---", "--", "-", "=", "*", "]", ">", ">>", "==",
            " ", "\n", "\t", "le ", "la", "s", "ſ", "ı", "İ", "\u212A", "K", "k", "ﬁn", "😀", "\uD83D", "\uDE00", "ẞ", "ß",
            "é", "ÿ", "Ÿ", "µ", "\u0130nst", "in", "st", "ruction", "con", "signe", "no", "w", "e", "nd", "f");

    @Test
    void thePreChecksDecideAsTheContainsOnTheFoldedTextDid() {
        Random random = new Random(41);
        int tried = 0;
        int[] passed = new int[BEFORE.size()];
        for (int n = 0; n < 60_000; n++) {
            StringBuilder text = new StringBuilder();
            int pieces = random.nextInt(14);
            for (int i = 0; i < pieces; i++) {
                String piece = PIECES.get(random.nextInt(PIECES.size()));
                text.append(random.nextInt(4) == 0 ? piece.toUpperCase(java.util.Locale.ROOT) : piece);
            }
            String normalised = text.toString();
            String folded = foldCase(normalised);
            boolean[] before = new boolean[BEFORE.size()];
            for (int p = 0; p < before.length; p++) {
                before[p] = BEFORE.get(p).test(folded);
                passed[p] += before[p] ? 1 : 0;
            }
            assertThat(InstructionSignals.preChecks(normalised)).as(normalised).isEqualTo(before);
            tried++;
        }
        assertThat(tried).isEqualTo(60_000);
        // every pre-check both passed and failed on the generated texts
        assertThat(Arrays.stream(passed).allMatch(p -> p > 100 && p < 59_900)).as(Arrays.toString(passed)).isTrue();
    }

    @Test
    void theWordsHeldAreTheWordsTheTextContains() {
        List<String> words = List.of("a", "ab", "abc", "bca", "c", "cab", "bb", "abab", "ca", "aab", "b]", "]", "<|");
        WordsHeld held = new WordsHeld(words);
        String alphabet = "abc]<|x";
        Random random = new Random(43);
        for (int n = 0; n < 40_000; n++) {
            StringBuilder text = new StringBuilder();
            int length = random.nextInt(12);
            for (int i = 0; i < length; i++) {
                text.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            long expected = 0;
            for (int w = 0; w < words.size(); w++) {
                if (text.toString().contains(words.get(w))) {
                    expected |= 1L << w;
                }
            }
            assertThat(held.held(text)).as(text.toString()).isEqualTo(expected);
        }
        List<String> sixtyFour = new ArrayList<>();
        for (int w = 0; w < 64; w++) {
            sixtyFour.add("w" + Integer.toString(w, 36) + "z");
        }
        WordsHeld many = new WordsHeld(sixtyFour);
        assertThat(many.held("w1z ... w1rz w1s")).isEqualTo((1L << 1) | (1L << 63));
    }
}
