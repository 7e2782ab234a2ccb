package fr.capsules.ingest.pipeline;

import fr.capsules.ingest.normalize.DateExtractor;
import fr.capsules.ingest.normalize.ExtractedDate;
import fr.capsules.ingest.normalize.TitleExtractor;
import java.util.Optional;

/**
 * Chooses the document's title and date ({@link TitleExtractor}, {@link DateExtractor}); an
 * ambiguous date (04/03/2024) is kept in its French reading and reported as a warning.
 *
 * <p>Runs on the document as parsed, before normalisation: a title is read from the first line of
 * text, which normalisation joins with the next ones, and the date from the first few blocks,
 * which normalisation splits.
 */
final class FindTitleAndDate implements IngestionStage {

    private final TitleExtractor titles = new TitleExtractor();
    private final DateExtractor dates = new DateExtractor();

    @Override
    public void apply(FileIngestion file) {
        String fileName = file.source().name().fileName();
        file.title(titles.title(fileName, file.document()));
        // A date written in the file name was put there on purpose: it names the document.
        Optional<ExtractedDate> date = dates.extract(fileName).stream()
                .filter(d -> !d.ambiguous())
                .findFirst()
                .or(() -> dates.documentDate(file.document()));
        date.filter(ExtractedDate::ambiguous).ifPresent(d -> file.warn(DateExtractor.describe(d)));
        file.date(date.map(ExtractedDate::iso).orElse(null));
    }
}
