package fr.capsules.app.pseudonym;

import fr.capsules.app.CapsulesProperties;
import fr.capsules.app.capsule.Capsule;
import fr.capsules.app.capsule.CapsuleDefinition;
import fr.capsules.app.capsule.CapsuleId;
import fr.capsules.ingest.pipeline.PseudonymiseText;
import fr.capsules.ingest.pseudonymize.Category;
import fr.capsules.ingest.pseudonymize.PseudonymKey;
import fr.capsules.ingest.pseudonymize.PseudonymTable;
import fr.capsules.ingest.pseudonymize.PseudonymTableException;
import fr.capsules.ingest.pseudonymize.PseudonymizationSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The capsules' pseudonym tables: one encrypted file per capsule under {@code
 * data/pseudonyms/<capsule>/table.cpspt}, opened with the key of the configuration ({@link
 * PseudonymisationProperties}), which never lives in the data folder. Gives the ingestion stage of a
 * pseudonymised capsule, and the table's entries to {@link PseudonymConsultation}.
 *
 * <p>A key that is set but malformed stops the service at start (a configuration error); a key
 * that is absent does not, but every file of a pseudonymised capsule then fails rather than be
 * indexed in clear ({@link PseudonymisationStartupCheck} says so in the log).
 *
 * <p>Thread-safe: writes to one capsule's table happen inside that capsule's index write lock (an
 * ingestion run); readers load the file, which is replaced by atomic rename.
 */
@Component
public class PseudonymTables {

    static final String NO_KEY = "la capsule est pseudonymisée mais aucune clé de pseudonymisation n'est configurée"
            + " (CAPSULES_PSEUDONYMISATION_KEY) : le fichier n'a pas été indexé, pour ne pas indexer de données"
            + " personnelles en clair ; prévenez l'administrateur";

    private final Path root;
    private final PseudonymKey key; // null: none configured

    PseudonymTables(CapsulesProperties capsules, PseudonymisationProperties properties) {
        this.root = capsules.dataDir().resolve("pseudonyms");
        this.key = parse(properties.key());
    }

    private static PseudonymKey parse(String configured) {
        if (configured == null || configured.isBlank()) {
            return null;
        }
        try {
            return PseudonymKey.fromBase64(configured);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("capsules.pseudonymisation.key (CAPSULES_PSEUDONYMISATION_KEY) : "
                    + e.getMessage() + " Generate one with: openssl rand -base64 32", e);
        }
    }

    /** Whether a key is configured. */
    public boolean hasKey() {
        return key != null;
    }

    /** Where the capsule's table is (whether or not it exists yet). */
    Path tableFile(CapsuleId id) {
        return root.resolve(id.value()).resolve("table.cpspt");
    }

    /**
     * The pseudonymisation stage for one ingestion run into the capsule, or null when the capsule
     * is not pseudonymised. Without a usable table the stage fails each file with the reason.
     */
    public PseudonymiseText stageFor(Capsule capsule) {
        CapsuleDefinition definition = capsule.definition();
        if (!definition.pseudonymised()) {
            return null;
        }
        try {
            PseudonymTable table = load(capsule.id());
            return PseudonymiseText.with(settingsOf(definition), table, tableFile(capsule.id()), key);
        } catch (PseudonymTableUnavailableException e) {
            return PseudonymiseText.unavailable(e.getMessage());
        }
    }

    /**
     * The capsule's table as it is on disk (empty when nothing was replaced yet).
     *
     * @throws PseudonymTableUnavailableException without a key, with a key that does not open it,
     *     or when the file cannot be read
     */
    public PseudonymTable load(CapsuleId id) {
        if (key == null) {
            throw new PseudonymTableUnavailableException(NO_KEY);
        }
        try {
            return PseudonymTable.loadOrEmpty(tableFile(id), key);
        } catch (PseudonymTableException e) {
            throw new PseudonymTableUnavailableException("table de correspondance de la capsule « " + id.value()
                    + " » inutilisable : " + e.getMessage() + " Le fichier n'a pas été indexé.", e);
        } catch (IOException e) {
            throw new PseudonymTableUnavailableException("la table de correspondance de la capsule « " + id.value()
                    + " » n'a pas pu être lue (erreur d'entrée/sortie)", e);
        }
    }

    /** Whether the capsule has a table on disk. */
    boolean exists(CapsuleId id) {
        return Files.isRegularFile(tableFile(id));
    }

    /** What the capsule's definition asks for, as the library's settings. */
    static PseudonymizationSettings settingsOf(CapsuleDefinition definition) {
        PseudonymizationSettings settings = PseudonymizationSettings.defaults()
                .keeping(definition.pseudonymisation().keptTerms());
        return definition.pseudonymisation().replacesEstablishments()
                ? settings.replacing(EnumSet.allOf(Category.class))
                : settings;
    }

    /**
     * Whether the capsule's current index was built pseudonymised, as recorded after its last
     * complete indexing; empty when never recorded (an index built before pseudonymisation existed,
     * hence in clear).
     */
    public Optional<Boolean> indexedPseudonymised(CapsuleId id) {
        Path marker = root.resolve(id.value()).resolve("index-state");
        try {
            return Files.isRegularFile(marker)
                    ? Optional.of(Files.readString(marker).strip().equals("pseudonymised"))
                    : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** Records how the capsule's index is built, after a complete indexing. */
    public void recordIndexed(CapsuleId id, boolean pseudonymised) throws IOException {
        Path folder = root.resolve(id.value());
        Files.createDirectories(folder);
        // Written beside, then renamed: a service killed meanwhile leaves the previous state, not an empty file.
        Path temp = folder.resolve("index-state.tmp");
        Files.writeString(temp, pseudonymised ? "pseudonymised\n" : "clear\n");
        Files.move(temp, folder.resolve("index-state"), java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }
}
