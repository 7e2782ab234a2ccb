package fr.capsules.app.capsule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.capsules.app.CapsulesProperties;
import jakarta.validation.Validation;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.hibernate.validator.HibernateValidator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CatalogueLoadingTests {

    @TempDir
    Path root;

    private final CapsuleDefinitions definitions =
            new CapsuleDefinitions(Validation.byProvider(HibernateValidator.class)
                    .configure()
                    .defaultLocale(java.util.Locale.FRENCH)
                    .buildValidatorFactory()
                    .getValidator());

    private void write(String folder, String yaml) throws IOException {
        Files.createDirectories(root.resolve("catalog").resolve(folder));
        Files.writeString(root.resolve("catalog").resolve(folder).resolve("capsule.yaml"), yaml);
    }

    private Capsules load() {
        return new Capsules(definitions, new CapsulesProperties(root.resolve("data"), root.resolve("catalog"), null, ""));
    }

    private static final String VALID = """
            id: %s
            name: Capsule valide
            purpose: Répondre aux questions.
            referent: Jeanne Martin
            scope:
              generic: true
            kind: chat
            """;

    @Test
    void anInvalidDefinitionIsReportedWithFileAndFieldAndTheOthersStillLoad() throws IOException {
        write("bonne", VALID.formatted("bonne"));
        write("mauvaise", """
                id: mauvaise
                name: Sans but
                referent: Jeanne Martin
                scope:
                  generic: false
                  services: []
                kind: table
                """);

        Capsules capsules = load();

        assertThat(capsules.find("bonne")).isPresent();
        assertThat(capsules.find("mauvaise")).isEmpty();
        assertThat(capsules.loadProblems())
                .extracting(DefinitionProblem::field)
                .contains("purpose", "scope.services", "table");
        assertThat(capsules.loadProblems()).allSatisfy(p -> assertThat(p.source()).endsWith("mauvaise/capsule.yaml"));
        assertThat(capsules.loadProblems().toString()).contains("cochez au moins un service");
    }

    @Test
    void aSeverityRuleNamingANatureNoColumnAdmitsIsRefusedAndAValidOneLoads() throws IOException {
        String table = """
                id: %s
                name: Tableau
                purpose: Mesures.
                referent: Jeanne Martin
                scope:
                  generic: true
                kind: table
                table:
                  columns:
                    - {name: numero, title: "N°"}
                    - {name: constat, title: Constat}
                    - {name: nature, title: Nature, values: [injonction, prescription]}
                  deadlineByNature: {injonction: "1 mois", prescription: "3 mois"}
                  severity:
                    - words: [danger, "sans délai"]
                      nature: %s
                      deadline: "Immédiat"
                """;
        write("grave", table.formatted("grave", "injonction"));
        write("sanction", table.formatted("sanction", "sanction"));

        Capsules capsules = load();

        assertThat(capsules.find("grave")).hasValueSatisfying(c -> assertThat(c.definition().table().severity())
                .singleElement().satisfies(rule -> assertThat(rule.words()).containsExactly("danger", "sans délai")));
        assertThat(capsules.find("sanction")).isEmpty();
        assertThat(capsules.loadProblems().toString()).contains("une règle « severity » nomme une nature qu'aucune colonne n'admet");
    }

    @Test
    void anUnknownFieldIsNamed() throws IOException {
        write("inconnu", VALID.formatted("inconnu") + "couleur: bleu\n");
        assertThat(load().loadProblems()).singleElement().satisfies(p -> {
            assertThat(p.message()).contains("champ inconnu « couleur »");
        });
    }

    @Test
    void malformedYamlIsReportedWithItsLine() throws IOException {
        write("casse", "id: casse\nname: \"guillemet jamais fermé\nkind: chat\n");
        assertThat(load().loadProblems()).singleElement().satisfies(p -> assertThat(p.message()).contains("YAML mal formé"));
    }

    @Test
    void aWrongEnumValueIsReportedOnItsField() throws IOException {
        write("genre", VALID.formatted("genre").replace("kind: chat", "kind: roman"));
        assertThat(load().loadProblems()).singleElement().satisfies(p -> {
            assertThat(p.field()).isEqualTo("kind");
            assertThat(p.message()).contains("chat, table");
        });
    }

    @Test
    void aValueOfTheWrongTypeSaysWhatWasExpected() throws IOException {
        write("type", VALID.formatted("type").replace("name: Capsule valide", "name: [une, liste]"));
        assertThat(load().loadProblems()).singleElement().satisfies(p -> {
            assertThat(p.field()).isEqualTo("name");
            assertThat(p.message()).contains("attendu un texte");
        });
    }

    @Test
    void theIdMustMatchTheFolderName() throws IOException {
        write("dossier", VALID.formatted("autre-nom"));
        assertThat(load().loadProblems()).singleElement().satisfies(p -> {
            assertThat(p.field()).isEqualTo("id");
            assertThat(p.message()).contains("dossier");
        });
    }

    @Test
    void capsuleIdsThatAreNotSafeSlugsAreRefused() {
        for (String bad : new String[] {"../etc", "A", "Majuscules", "avec espace", "a/b", "é-accent", "-tiret", "x".repeat(64)}) {
            assertThatThrownBy(() -> new CapsuleId(bad)).isInstanceOf(InvalidCapsuleIdException.class);
        }
        assertThat(new CapsuleId("mesures-inspection").value()).isEqualTo("mesures-inspection");
    }

    @Test
    void theExampleCatalogueLoadsWithoutProblems() {
        Path catalogue = Path.of("..", "capsules");
        Capsules capsules = new Capsules(definitions, new CapsulesProperties(root.resolve("data"), catalogue, null, ""));
        assertThat(capsules.loadProblems()).isEmpty();
        assertThat(capsules.all()).extracting(c -> c.definition().id()).contains("reclamations", "mesures-inspection", "charte-ia");
        CapsuleDefinition table = capsules.find("mesures-inspection").orElseThrow().definition();
        assertThat(table.kind()).isEqualTo(CapsuleKind.TABLE);
        assertThat(table.table().columns()).extracting(CapsuleDefinition.Column::name).contains("constat", "nature", "delai");
    }
}
