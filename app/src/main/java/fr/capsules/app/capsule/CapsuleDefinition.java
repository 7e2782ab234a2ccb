package fr.capsules.app.capsule;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Map;

/**
 * A capsule as written in its definition file ({@code capsule.yaml}) or posted to the API. The
 * constraints are checked by {@link CapsuleDefinitions}; a definition that passes them is safe to
 * use (its id is a safe slug, a table capsule has columns, a scoped capsule has services).
 *
 * <p>{@code referent} is the name shown to people; {@code maintainers} are the logins of the
 * referents who always see and may change the capsule, whatever its scope (its creator is added on
 * creation), so that a scope that leaves them out cannot lose it.
 */
public record CapsuleDefinition(
        @NotNull @Pattern(regexp = "[a-z0-9][a-z0-9-]{1,62}", message = "doit être un identifiant simple : 2 à 63 caractères parmi a-z, 0-9 et « - »")
                String id,
        @NotBlank @Size(max = 120) String name,
        @Size(max = 500) String description,
        @NotBlank @Size(max = 4000) String purpose,
        @NotBlank @Size(max = 200) String referent,
        @Min(1) Integer version,
        CapsuleStatus status,
        @NotNull @Valid Scope scope,
        @NotNull CapsuleKind kind,
        @Size(max = 20000) String instructions,
        @Size(max = 100) String model,
        @Valid RetrievalSettings retrieval,
        @Valid TableSpec table,
        ValidationSettings validation,
        @Valid PseudonymisationSettings pseudonymisation,
        OriginalsAccess originals,
        @Size(max = 50) List<@NotBlank @Size(max = 64) String> maintainers) {

    public CapsuleDefinition {
        description = description == null ? "" : description;
        instructions = instructions == null ? "" : instructions;
        version = version == null ? 1 : version;
        status = status == null ? CapsuleStatus.PUBLISHED : status;
        retrieval = retrieval == null ? RetrievalSettings.defaults() : retrieval;
        validation = ValidationSettings.resolved(validation, kind);
        pseudonymisation = pseudonymisation == null ? PseudonymisationSettings.byScope() : pseudonymisation;
        originals = originals == null ? OriginalsAccess.EVERYONE : originals;
        maintainers = maintainers == null ? List.of() : List.copyOf(maintainers);
    }

    /**
     * Whether personal data in the capsule's documents is replaced by pseudonyms at ingestion: as
     * the definition says, else on for a service capsule and off for a generic one.
     */
    public boolean pseudonymised() {
        return pseudonymisation.enabled() != null ? pseudonymisation.enabled() : scope == null || !scope.generic();
    }

    @AssertTrue(message = "une capsule de type « tableau » doit déclarer ses colonnes")
    boolean isTableDeclaredWhenTableKind() {
        return kind != CapsuleKind.TABLE
                || (table != null && table.columns() != null && !table.columns().isEmpty());
    }

    @AssertTrue(message = "seule une capsule de type « table » peut déclarer des colonnes")
    boolean isTableOnlyForTableKind() {
        return kind != CapsuleKind.CHAT || table == null;
    }

    /** Same definition at the next version. */
    public CapsuleDefinition withVersion(int newVersion) {
        return new CapsuleDefinition(
                id, name, description, purpose, referent, newVersion, status, scope, kind,
                instructions, model, retrieval, table, validation, pseudonymisation, originals, maintainers);
    }

    /** Same definition with another status. */
    public CapsuleDefinition withStatus(CapsuleStatus newStatus) {
        return new CapsuleDefinition(
                id, name, description, purpose, referent, version, newStatus, scope, kind,
                instructions, model, retrieval, table, validation, pseudonymisation, originals, maintainers);
    }

    /** Same definition with these maintainers' logins. */
    public CapsuleDefinition withMaintainers(List<String> newMaintainers) {
        return new CapsuleDefinition(
                id, name, description, purpose, referent, version, status, scope, kind,
                instructions, model, retrieval, table, validation, pseudonymisation, originals, newMaintainers);
    }

    /**
     * Rules for this capsule's drafts. Null means the default: four eyes for table capsules, drafts seen only by their
     * author, the people they are assigned to and admins.
     *
     * @param distinctValidator the validator must be neither the draft's creator nor anyone who edited its content
     * @param serviceSeesDrafts everyone who may see the capsule also sees its drafts (their questions included)
     */
    public record ValidationSettings(Boolean distinctValidator, Boolean serviceSeesDrafts) {

        static ValidationSettings resolved(ValidationSettings given, CapsuleKind kind) {
            Boolean distinct = given == null ? null : given.distinctValidator();
            Boolean service = given == null ? null : given.serviceSeesDrafts();
            return new ValidationSettings(distinct != null ? distinct : kind == CapsuleKind.TABLE, service != null && service);
        }

        /** Whether four eyes are required (never null once the definition is built). */
        public boolean fourEyes() {
            return Boolean.TRUE.equals(distinctValidator);
        }

        /** Whether the capsule's service sees its drafts (never null once the definition is built). */
        public boolean sharedWithService() {
            return Boolean.TRUE.equals(serviceSeesDrafts);
        }
    }

    /**
     * Pseudonymisation of the capsule's documents at ingestion (docs/PSEUDONYMISATION.md).
     *
     * @param enabled true or false; absent (null) means on for a service capsule, off for a generic one
     * @param keptTerms terms never replaced (a public official who signs the reports, a service's
     *     functional e-mail address, a hospital named after a person)
     * @param establishments also replace establishment names (kept by default: they are public and
     *     useful to retrieval)
     */
    public record PseudonymisationSettings(Boolean enabled, List<@NotBlank @Size(max = 200) String> keptTerms,
            Boolean establishments) {

        public PseudonymisationSettings {
            keptTerms = keptTerms == null ? List.of() : List.copyOf(keptTerms);
        }

        static PseudonymisationSettings byScope() {
            return new PseudonymisationSettings(null, null, null);
        }

        public boolean replacesEstablishments() {
            return Boolean.TRUE.equals(establishments);
        }
    }

    /** Who may see the capsule: everyone ({@code generic}) or members of the listed services. */
    public record Scope(
            boolean generic,
            List<@NotBlank @Pattern(regexp = "[a-z0-9][a-z0-9-]{0,62}", message = "doit être un identifiant de service simple (a-z, 0-9, « - »)") String>
                    services) {

        public Scope {
            services = services == null ? List.of() : List.copyOf(services);
        }

        @AssertTrue(message = "cochez au moins un service, ou choisissez une capsule générique")
        boolean isServicesListedWhenRestricted() {
            return generic || !services.isEmpty();
        }
    }

    /** How many passages retrieval keeps and how relevant they must be. */
    public record RetrievalSettings(@Min(1) @Max(50) Integer topK, @Min(0) @Max(1) Double minCoverage) {

        public RetrievalSettings {
            topK = topK == null ? 6 : topK;
            minCoverage = minCoverage == null ? 0.5 : minCoverage;
        }

        public static RetrievalSettings defaults() {
            return new RetrievalSettings(null, null);
        }
    }

    /**
     * The columns of a table capsule's output, the default deadline of each nature, and the severity rules the
     * fallback without a model follows ({@link SeverityRule}, docs/TABLES.md).
     */
    public record TableSpec(
            @NotNull @Size(min = 1, max = 30) List<@Valid Column> columns,
            Map<String, String> deadlineByNature,
            @Size(max = 30) List<@Valid SeverityRule> severity) {

        public TableSpec {
            columns = columns == null ? null : List.copyOf(columns);
            deadlineByNature = deadlineByNature == null ? Map.of() : Map.copyOf(deadlineByNature);
            severity = severity == null ? List.of() : List.copyOf(severity);
        }

        @AssertTrue(message = "une règle « severity » nomme une nature qu'aucune colonne n'admet")
        boolean isSeverityNatureKnown() {
            return columns == null || severity.stream().map(SeverityRule::nature).filter(n -> n != null && !n.isBlank())
                    .allMatch(n -> columns.stream().anyMatch(c -> c.values().stream().anyMatch(v -> v.equalsIgnoreCase(n.strip()))));
        }

        @AssertTrue(message = "une règle « derivedFrom » nomme une colonne absente du tableau")
        boolean isDerivedFromKnownColumns() {
            return columns == null || columns.stream()
                    .filter(c -> c.checks() != null && c.checks().derivedFrom() != null)
                    .allMatch(c -> columns.stream().anyMatch(o -> o.name().equals(c.checks().derivedFrom().column())));
        }

        @AssertTrue(message = "deux colonnes portent le même nom technique")
        boolean isColumnNamesUnique() {
            return columns == null
                    || columns.stream().map(Column::name).distinct().count() == columns.size();
        }
    }

    /**
     * How a finding's own words weigh on its row when there is no model: when one of {@code words} opens a word
     * of the finding (case and accents forgiven, so "maltrait" finds "maltraitance"), the row takes {@code nature}
     * if the capsule's rule allows it for the finding's type, and {@code deadline} when its nature is that one (any
     * nature when the rule names none). The first matching rule wins.
     */
    public record SeverityRule(
            @NotNull @Size(min = 1, max = 50) List<@NotBlank @Size(max = 60) String> words,
            @Size(max = 60) String nature,
            @Size(max = 40) String deadline) {

        public SeverityRule {
            words = words == null ? null : List.copyOf(words);
        }
    }

    /**
     * One output column: a stable name, a title for people, optional allowed values, and optional checks of its
     * cells ({@link ColumnChecks}, docs/TABLES.md).
     */
    public record Column(
            @NotNull @Pattern(regexp = "[a-z][a-zA-Z0-9_]{0,40}", message = "doit commencer par une minuscule et ne contenir que lettres, chiffres et « _ »")
                    String name,
            @NotBlank @Size(max = 80) String title,
            @Size(max = 1000) String description,
            List<@NotBlank String> values,
            @Valid ColumnChecks checks) {

        public Column {
            description = description == null ? "" : description;
            values = values == null ? List.of() : List.copyOf(values);
        }
    }
}
