package fr.capsules.app.capsule;

import fr.capsules.app.CapsulesProperties;
import fr.capsules.app.access.CapsulesUser;
import fr.capsules.app.kernel.InvalidRequestException;
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
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * The registry of capsules: the catalogue shipped with the deployment, overlaid by the capsules
 * created or changed through the API (kept under the data folder). An invalid definition is
 * reported with its file and field and skipped; the others load. Thread-safe.
 *
 * <p>Several application nodes may share the data folder (a shared volume, issue 17.3): every
 * read first looks at the data folder's definition files (a directory listing and one {@code
 * stat} per capsule) and re-reads those another node changed, created or removed, so that a
 * capsule changed on one node is the same on the next request, whichever node takes it.
 */
@Component
public class Capsules {

    private static final Logger log = LoggerFactory.getLogger(Capsules.class);

    private final CapsuleDefinitions definitions;
    private final Path catalogDir;
    private final Path overridesDir;
    private final Map<String, Capsule> byId = new ConcurrentHashMap<>();
    private final List<DefinitionProblem> loadProblems = new ArrayList<>();
    /** The data folder's definition files as last read or written here, by capsule id. */
    private final Map<String, FileSignature> overrideFiles = new ConcurrentHashMap<>();
    private final ObjectProvider<PublishedDefinitions> published;

    public Capsules(CapsuleDefinitions definitions, CapsulesProperties properties) {
        this(definitions, properties, null);
    }

    /** @param published the published versions, served to each capsule's audience; absent: the working copy to all */
    @Autowired
    public Capsules(CapsuleDefinitions definitions, CapsulesProperties properties,
            ObjectProvider<PublishedDefinitions> published) {
        this.definitions = definitions;
        this.catalogDir = properties.catalogDir();
        this.overridesDir = properties.capsuleOverridesDir();
        this.published = published;
        load();
    }

    private void load() {
        for (Path folder : capsuleFolders(catalogDir)) {
            readInto(folder, folder);
        }
        for (Path folder : capsuleFolders(overridesDir)) {
            Capsule shipped = byId.get(folder.getFileName().toString());
            overrideFiles.put(folder.getFileName().toString(), FileSignature.of(folder.resolve(CapsuleDefinitions.FILE_NAME)));
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

    /**
     * Re-reads the data folder's definitions that changed since this node last read or wrote them
     * (another node sharing the folder changed them); a definition removed there falls back to the
     * catalogue's, or the capsule goes. Every read calls it: when nothing changed, which is almost
     * always, it returns without taking the lock, so that requests do not queue behind each other's
     * look at the folder.
     */
    private void refresh() {
        if (!changedOnDisk()) {
            return;
        }
        synchronized (this) {
            reread();
        }
    }

    /** Whether a definition file of the data folder was written, created or removed since last read here. */
    private boolean changedOnDisk() {
        List<Path> folders = capsuleFolders(overridesDir);
        int known = 0;
        for (Path folder : folders) {
            String id = folder.getFileName().toString();
            FileSignature seen = overrideFiles.get(id);
            if (seen != null) {
                known++;
            }
            FileSignature now = FileSignature.of(folder.resolve(CapsuleDefinitions.FILE_NAME));
            if (now != null && !now.equals(seen)) {
                return true;
            }
        }
        return known != overrideFiles.size();
    }

    private void reread() {
        java.util.Set<String> present = new java.util.HashSet<>();
        for (Path folder : capsuleFolders(overridesDir)) {
            String id = folder.getFileName().toString();
            present.add(id);
            FileSignature now = FileSignature.of(folder.resolve(CapsuleDefinitions.FILE_NAME));
            if (now != null && !now.equals(overrideFiles.get(id))) {
                overrideFiles.put(id, now);
                Capsule shipped = shippedCapsule(id);
                readInto(folder, shipped == null ? null : shipped.catalogFolder());
            }
        }
        for (String id : List.copyOf(overrideFiles.keySet())) {
            if (!present.contains(id)) {
                overrideFiles.remove(id);
                Capsule shipped = shippedCapsule(id);
                if (shipped == null) {
                    byId.remove(id);
                } else {
                    byId.put(id, shipped);
                }
            }
        }
    }

    private Capsule shippedCapsule(String id) {
        Path folder = catalogDir.resolve(id);
        if (!Files.isRegularFile(folder.resolve(CapsuleDefinitions.FILE_NAME))) {
            return null;
        }
        try {
            return new Capsule(definitions.read(folder), folder);
        } catch (InvalidCapsuleDefinitionException e) {
            return null;
        }
    }

    /** A definition file's identity and state: replaced atomically, a written file is a new file. */
    private record FileSignature(Object fileKey, java.nio.file.attribute.FileTime modified, long size) {
        static FileSignature of(Path file) {
            try {
                var attributes = Files.readAttributes(file, java.nio.file.attribute.BasicFileAttributes.class);
                return new FileSignature(attributes.fileKey(), attributes.lastModifiedTime(), attributes.size());
            } catch (IOException e) {
                return null;
            }
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
        refresh();
        return sorted(byId.values());
    }

    /** Capsules the user may see, sorted by id. */
    public List<Capsule> visibleTo(CapsulesUser user) {
        refresh();
        return sorted(byId.values().stream().filter(c -> c.isVisibleTo(user)).toList());
    }

    public Optional<Capsule> find(String id) {
        refresh();
        return Optional.ofNullable(byId.get(id));
    }

    /**
     * The capsule, when it exists and the user may see it: for its audience, the version published
     * (when it was ever published, {@link Capsule#servedVersion()}); for its maintainers and the
     * administrators, the working copy.
     *
     * @throws CapsuleNotFoundException otherwise, indistinguishably
     */
    public Capsule require(String id, CapsulesUser user) {
        refresh();
        Capsule capsule = byId.get(id);
        if (capsule == null || !capsule.isVisibleTo(user)) {
            throw new CapsuleNotFoundException(id, capsule != null);
        }
        if (capsule.isMaintainedBy(user)) {
            return capsule;
        }
        return servedToAudience(capsule);
    }

    /**
     * {@link #require(String, CapsulesUser)}, with the version asked for: {@code published} gives a
     * maintainer the published version as the audience is served it (when there is one); {@code
     * working} or nothing, the version {@link #require(String, CapsulesUser)} gives. The audience is
     * always served the published version.
     *
     * @throws InvalidRequestException when {@code version} is neither
     */
    public Capsule require(String id, CapsulesUser user, String version) {
        if (version != null && !version.isBlank() && !version.equals("published") && !version.equals("working")) {
            throw new InvalidRequestException("version : « published » (la version publiée) ou « working » (la version"
                    + " de travail) attendu, « " + version.strip() + " » reçu");
        }
        Capsule capsule = require(id, user);
        return "published".equals(version) && !capsule.servesPublishedVersion() ? servedToAudience(capsule) : capsule;
    }

    /**
     * The capsule as its audience is served it: the published version when there is one and the
     * capsule is in service, else the capsule as it is (never published, or being built).
     */
    public Capsule servedToAudience(Capsule capsule) {
        PublishedDefinitions versions = published == null ? null : published.getIfAvailable();
        if (versions == null || capsule.definition().status() != CapsuleStatus.PUBLISHED) {
            return capsule;
        }
        return versions.latest(capsule.definition().id())
                .map(p -> capsule.servedAs(p.version(), p.definition()))
                .orElse(capsule);
    }

    /**
     * Creates a capsule from a checked definition; its version starts at 1. Called through
     * {@link CapsuleMaintenance}, which checks the caller and records the change.
     */
    synchronized Change create(CapsuleDefinition definition) {
        CapsuleDefinition checked = definitions.check("requête", definition.withVersion(1));
        if (byId.containsKey(checked.id())) {
            throw new CapsuleConflictException(
                    "une capsule « " + checked.id() + " » existe déjà : choisissez un autre identifiant");
        }
        return store(null, new Capsule(checked, null));
    }

    /** Replaces a capsule's definition; the version goes up by one. */
    synchronized Change update(Capsule current, CapsuleDefinition definition) {
        if (!current.definition().id().equals(definition.id())) {
            throw new CapsuleConflictException(
                    "l'identifiant d'une capsule ne peut pas changer (« " + current.definition().id()
                            + " » reçu « " + definition.id() + " »)");
        }
        int next = current.definition().version() + 1;
        CapsuleDefinition checked = definitions.check("requête", definition.withVersion(next));
        return store(current, current.with(checked));
    }

    /** Marks a capsule retired (new version); its index and documents are kept for the record. */
    synchronized Change retire(Capsule current) {
        CapsuleDefinition retired =
                current.definition()
                        .withStatus(CapsuleStatus.RETIRED)
                        .withVersion(current.definition().version() + 1);
        return store(current, current.with(retired));
    }

    /**
     * A change saved under the data folder and made current, with what it replaced, so that it can
     * be taken back when its history and audit entry cannot be committed.
     */
    final class Change {
        private final Capsule before;
        private final Capsule after;
        private final boolean replacedFile;

        private Change(Capsule before, Capsule after, boolean replacedFile) {
            this.before = before;
            this.after = after;
            this.replacedFile = replacedFile;
        }

        /** The capsule as it now is. */
        Capsule capsule() {
            return after;
        }

        /** The capsule as it was; null for a creation. */
        Capsule previous() {
            return before;
        }

        /** Puts back the previous definition file (or none) and the previous capsule (or none). */
        void undo() {
            Capsules.this.undo(this);
        }
    }

    private Change store(Capsule before, Capsule after) {
        Path folder = overridesDir.resolve(after.id().value());
        boolean replacedFile = Files.isRegularFile(folder.resolve(CapsuleDefinitions.FILE_NAME));
        try {
            definitions.write(folder, after.definition());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot save capsule " + after.id(), e);
        }
        byId.put(after.definition().id(), after);
        overrideFiles.put(after.definition().id(), FileSignature.of(folder.resolve(CapsuleDefinitions.FILE_NAME)));
        return new Change(before, after, replacedFile);
    }

    private synchronized void undo(Change change) {
        String id = change.after.definition().id();
        if (byId.get(id) != change.after) {
            // Changed again since: not this change's to take back.
            return;
        }
        Path folder = overridesDir.resolve(change.after.id().value());
        try {
            if (change.replacedFile) {
                // The data folder held the previous definition: the registry's copy is what it read or wrote.
                definitions.write(folder, change.before.definition());
            } else {
                Files.deleteIfExists(folder.resolve(CapsuleDefinitions.FILE_NAME));
                try (Stream<Path> left = Files.list(folder)) {
                    if (left.findAny().isEmpty()) {
                        Files.delete(folder);
                    }
                }
            }
        } catch (IOException e) {
            log.error("Capsule {} : la version {} n'a pas pu être retirée de {} ; elle sera relue au prochain démarrage",
                    id, change.after.definition().version(), folder, e);
        }
        FileSignature restored = FileSignature.of(folder.resolve(CapsuleDefinitions.FILE_NAME));
        if (restored == null) {
            overrideFiles.remove(id);
        } else {
            overrideFiles.put(id, restored);
        }
        if (change.before == null) {
            byId.remove(id);
        } else {
            byId.put(id, change.before);
        }
    }

    private static List<Capsule> sorted(Collection<Capsule> capsules) {
        return capsules.stream().sorted(Comparator.comparing(c -> c.definition().id())).toList();
    }
}
