package fr.capsules.ingest.pipeline;

import fr.capsules.ingest.parse.Block;
import fr.capsules.ingest.parse.Heading;
import fr.capsules.ingest.parse.HiddenText;
import fr.capsules.ingest.parse.Paragraph;
import fr.capsules.ingest.parse.ParsedDocument;
import fr.capsules.ingest.parse.TableBlock;
import fr.capsules.ingest.screen.HiddenTextReport;
import fr.capsules.ingest.screen.InstructionSignals;
import fr.capsules.ingest.screen.InvisibleCharacters;
import java.util.ArrayList;
import java.util.List;

/**
 * Keeps what readers of the document cannot see out of the index, and says so in the file's
 * result: the hidden text the parser set aside ({@link ParsedDocument#hiddenText()}), and the
 * invisible characters of the visible text ({@link InvisibleCharacters}), removed here. Metadata
 * other than the title is reported only when it reads like an instruction to a model. A document
 * whose text is all hidden is rejected with a sentence saying so, rather than as "probably scanned".
 */
final class ScreenHiddenText implements IngestionStage {

    static final String HIDDEN_CHARACTERS = "caractères masqués écartés";
    static final String TAG_CHARACTERS = "caractères d'étiquette Unicode retirés";
    static final String ZERO_WIDTH = "caractères de largeur nulle retirés";
    static final String BIDI_CONTROLS = "caractères de contrôle bidirectionnel retirés";

    private final InstructionSignals signals = new InstructionSignals();

    @Override
    public void apply(FileIngestion file) {
        ParsedDocument document = file.document();
        InvisibleCharacters invisible = new InvisibleCharacters();
        List<Block> blocks = new ArrayList<>(document.blocks().size());
        for (Block block : document.blocks()) {
            blocks.add(strip(block, invisible));
        }
        ParsedDocument visible = new ParsedDocument(document.format(), invisible.strip(document.metadataTitle()),
                document.pageCount(), blocks, document.warnings(), document.hiddenText());
        file.document(visible);

        // Metadata besides the title is never indexed nor shown: worth a word only when it speaks to a model.
        List<HiddenText> hidden = document.hiddenText().stream()
                .filter(h -> h.kind() != HiddenText.Kind.METADATA || !signals.find(h.excerpt()).isEmpty())
                .toList();
        file.count(HIDDEN_CHARACTERS, HiddenTextReport.characters(hidden));
        file.count(TAG_CHARACTERS, invisible.tags());
        file.count(ZERO_WIDTH, invisible.zeroWidth());
        file.count(BIDI_CONTROLS, invisible.bidi());
        String hiddenWarning = HiddenTextReport.warning(hidden);
        if (hiddenWarning != null) {
            file.warn(hiddenWarning);
        }
        String invisibleWarning = invisible.summary();
        if (invisibleWarning != null) {
            String smuggled = invisible.smuggledText();
            invisibleWarning += smuggled.isEmpty() ? ""
                    : " ; les caractères d'étiquette formaient le texte caché « " + shorten(smuggled) + " »";
            file.warn(invisibleWarning);
        }
        boolean hiddenInTheText = hidden.stream().anyMatch(
                h -> h.kind() != HiddenText.Kind.ANNOTATION && h.kind() != HiddenText.Kind.METADATA);
        if (visible.isEmpty() && (hiddenInTheText || invisible.total() > 0)) {
            file.reject("tout le texte de ce document est masqué à ses lecteurs ("
                    + (hiddenWarning != null ? hiddenWarning : invisibleWarning)
                    + ") : rien n'en a été indexé ; faites vérifier le document par son émetteur");
        }
    }

    private static Block strip(Block block, InvisibleCharacters invisible) {
        return switch (block) {
            case Heading h -> new Heading(h.level(), invisible.strip(h.text()), h.page());
            case Paragraph p -> new Paragraph(invisible.strip(p.text()), p.page());
            case TableBlock t -> new TableBlock(invisible.strip(t.caption()),
                    t.headers().stream().map(invisible::strip).toList(),
                    t.rows().stream().map(row -> row.stream().map(invisible::strip).toList()).toList(),
                    t.page());
        };
    }

    private static String shorten(String text) {
        return text.length() <= 80 ? text : text.substring(0, 80) + "…";
    }
}
