package fr.capsules.app.capsule;

import fr.capsules.app.CapsulesProperties;
import fr.capsules.app.access.CapsulesUser;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The registry of capsules: the catalogue shipped with the deployment, overlaid by the capsules
 * created or changed through the API (kept under the data folder). An invalid definition is
 * reported with its file and field and skipped; the others load. Thread-safe.
 */
@Component
public class Capsules {

    private static final Logger log = LoggerFactory.getLogger(Capsules.class);

    private final CapsuleDefinitions definitions;
    private final Path catalogDir;
    private final Path overridesDir;
    private final Map<String, Capsule> byId = new ConcurrentHashMap<>();
    private final List<DefinitionProblem> loadProblems = new ArrayList<>();

    public Capsules(CapsuleDefinitions definitions, CapsulesProperties properties) {
        this.definitions = definitions;
        this.catalogDir = properties.catalogDir();
        this.overridesDir = properties.capsuleOverridesDir();
        load();
    }

    private void load() {
        for (Path folder : capsuleFolders(catalogDir)) {
            readInto(folder, folder);
        }
        for (Path folder : capsuleFolders(overridesDir)) {
            Capsule shipped = byId.get(folder.getFileName().toString());
            readInto(folder, shipped == null ? null : shipped.catalogFolder());
        }
        log.info(
                "{} capsule(s) chargée(s) depuis {} : {}",
                byId.size(),
                catalogDir.toAbsolutePath().normalize(),
                byId.keySet().stream().sorted().toList());
    }

    private void readInto(Path folder, Path catalogFolder) {
        try {
            CapsuleDefinition definition = definitions.read(folder);
            byId.put(definition.id(), new Capsule(definition, catalogFolder));
        } catch (InvalidCapsuleDefinitionException e) {
            synchronized (loadProblems) {
                loadProblems.addAll(e.problems());
            }
            e.problems().forEach(p -> log.error("Capsule ignorée, définition invalide — {}", p));
        }
    }

    private static List<Path> capsuleFolders(Path root) {
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        try (Stream<Path> children = Files.list(root)) {
            return children.filter(Files::isDirectory)
                    .filter(p -> !p.getFileName().toString().startsWith("."))
                    .filter(p -> Files.isRegularFile(p.resolve(CapsuleDefinitions.FILE_NAME)))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list capsule folders in " + root, e);
        }
    }

    /** Problems found while loading the catalogue, for operators. */
    public List<DefinitionProblem> loadProblems() {
        synchronized (loadProblems) {
            return List.copyOf(loadProblems);
        }
    }

    /** Every capsule, including retired ones, sorted by id. */
    public List<Capsule> all() {
        return sorted(byId.values());
    }

    /** Capsules the user may see, sorted by id. */
    public List<Capsule> visibleTo(CapsulesUser user) {
        return sorted(byId.values().stream().filter(c -> c.isVisibleTo(user)).toList());
    }

    public Optional<Capsule> find(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    /**
     * The capsule, when it exists and the user may see it.
     *
     * @throws CapsuleNotFoundException otherwise, indistinguishably
     */
    public Capsule require(String id, CapsulesUser user) {
        Capsule capsule = byId.get(id);
        if (capsule == null || !capsule.isVisibleTo(user)) {
            throw new CapsuleNotFoundException(id, capsule != null);
        }
        return capsule;
    }

    /** Creates a capsule from a checked definition; its version starts at 1. */
    public synchronized Capsule create(CapsuleDefinition definition) {
        CapsuleDefinition checked = definitions.check("requête", definition.withVersion(1));
        if (byId.containsKey(checked.id())) {
            throw new CapsuleConflictException(
                    "une capsule « " + checked.id() + " » existe déjà : choisissez un autre identifiant");
        }
        return store(new Capsule(checked, null));
    }

    /** Replaces a capsule's definition; the version goes up by one. */
    public synchronized Capsule update(Capsule current, CapsuleDefinition definition) {
        if (!current.definition().id().equals(definition.id())) {
            throw new CapsuleConflictException(
                    "l'identifiant d'une capsule ne peut pas changer (« " + current.definition().id()
                            + " » reçu « " + definition.id() + " »)");
        }
        int next = current.definition().version() + 1;
        CapsuleDefinition checked = definitions.check("requête", definition.withVersion(next));
        return store(current.with(checked));
    }

    /** Marks a capsule retired (new version); its index and documents are kept for the record. */
    public synchronized Capsule retire(Capsule current) {
        CapsuleDefinition retired =
                current.definition()
                        .withStatus(CapsuleStatus.RETIRED)
                        .withVersion(current.definition().version() + 1);
        return store(current.with(retired));
    }

    private Capsule store(Capsule capsule) {
        try {
            definitions.write(overridesDir.resolve(capsule.id().value()), capsule.definition());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot save capsule " + capsule.id(), e);
        }
        byId.put(capsule.definition().id(), capsule);
        return capsule;
    }

    private static List<Capsule> sorted(Collection<Capsule> capsules) {
        return capsules.stream().sorted(Comparator.comparing(c -> c.definition().id())).toList();
    }
}
