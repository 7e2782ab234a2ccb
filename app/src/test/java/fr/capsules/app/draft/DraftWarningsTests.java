package fr.capsules.app.draft;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.capsules.app.access.CapsulesUser;
import fr.capsules.app.access.Role;
import fr.capsules.app.ask.AnswerWarning;
import fr.capsules.app.ask.Citation;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DraftWarningsTests {

    private static final CapsulesUser INSPECTOR =
            new CapsulesUser("inspecteur", "Inès Inspectrice", Set.of(Role.AGENT), Set.of("inspection"));
    private static final Instant AT = Instant.parse("2026-11-22T13:02:00Z");
    private static final List<DraftContent.Column> COLUMNS = List.of(
            new DraftContent.Column("numero", "N°"), new DraftContent.Column("reference", "Référence"),
            new DraftContent.Column("delai", "Délai"));
    private static final Citation REPORT = new Citation(1, "doc-1", "rapport.pdf", "Rapport 2024", 12, List.of(), "passage", "doc-1#4");

    private static Draft table() {
        DraftContent content = DraftContent.table(COLUMNS, List.of(
                new DraftContent.Row(Map.of("numero", "E1", "reference", "Art. L. 999-99", "delai", "3 mois"), List.of(REPORT),
                        List.of("ligne remplie par similarité"),
                        Map.of("reference", List.of("référence non trouvée dans les sources citées"))),
                new DraftContent.Row(Map.of("numero", "R1", "reference", "à compléter", "delai", "6 mois"), List.of(),
                        List.of("aucune source : ligne à compléter par l'inspecteur"))));
        return Draft.generated("mesures-inspection", 1, "Mesures d'inspection", null, null, content, List.of(),
                List.of(AnswerWarning.of("findings-read", "2 constat(s) lu(s) : E1, R1.")), INSPECTOR, AT, null);
    }

    @Test
    void theDraftsWarningsComeFirstThenEachRowsThenEachCellsInColumnOrder() {
        assertThat(table().openWarnings()).extracting(DraftWarning::location, DraftWarning::message).containsExactly(
                org.assertj.core.groups.Tuple.tuple("Brouillon", "2 constat(s) lu(s) : E1, R1."),
                org.assertj.core.groups.Tuple.tuple("Ligne 1", "ligne remplie par similarité"),
                org.assertj.core.groups.Tuple.tuple("Ligne 1, Référence", "référence non trouvée dans les sources citées"),
                org.assertj.core.groups.Tuple.tuple("Ligne 2", "aucune source : ligne à compléter par l'inspecteur"));
    }

    @Test
    void anIdDependsOnThePlaceAndTheMessageOnly() {
        List<DraftWarning> first = table().openWarnings();
        List<DraftWarning> again = table().openWarnings();

        assertThat(again).extracting(DraftWarning::id).isEqualTo(first.stream().map(DraftWarning::id).toList());
        assertThat(first).extracting(DraftWarning::id).doesNotHaveDuplicates().allMatch(id -> id.matches("w-[0-9a-f]{16}"));
        assertThat(DraftWarning.ofRow(1, "même texte").id()).isNotEqualTo(DraftWarning.ofRow(2, "même texte").id());
    }

    @Test
    void anEditThatDropsTheAisWarningsLeavesThemOpenAndAddsItsOwn() {
        Draft draft = table();
        DraftContent edited = DraftContent.table(COLUMNS, List.of(
                new DraftContent.Row(Map.of("numero", "E1", "reference", "Art. D. 312-160 du CASF", "delai", "3 mois"),
                        List.of(REPORT), List.of(), Map.of("delai", List.of("délai à confirmer"))),
                new DraftContent.Row(Map.of("numero", "R1", "reference", "à compléter", "delai", "6 mois"), List.of(),
                        List.of("aucune source : ligne à compléter par l'inspecteur"))));

        Draft next = draft.edit(edited, INSPECTOR, AT);

        assertThat(next.openWarnings()).hasSize(draft.openWarnings().size() + 1)
                .containsAll(draft.openWarnings())
                .anySatisfy(w -> assertThat(w.location()).isEqualTo("Ligne 1, Délai"));
    }

    @Test
    void validationNamesEachWarningLeftAndRecordsTheAcknowledgementsWhenNoneIs() {
        Draft draft = table();
        List<String> ids = draft.openWarnings().stream().map(DraftWarning::id).toList();

        assertThatThrownBy(() -> draft.validate(INSPECTOR, AT, false, ids.subList(1, ids.size())))
                .isInstanceOf(IllegalDraftTransitionException.class)
                .hasMessageStartingWith("validation impossible : un avertissement n'a pas été acquitté")
                .hasMessageContaining("Brouillon — « 2 constat(s) lu(s) : E1, R1. » [" + ids.getFirst() + "]")
                .hasMessageNotContaining(ids.get(1));

        Draft validated = draft.validate(INSPECTOR, AT, false, ids);
        assertThat(validated.status()).isEqualTo(DraftStatus.VALIDATED);
        assertThat(validated.openWarnings()).isEmpty();
        assertThat(validated.acknowledgements()).extracting(a -> a.warning().id()).isEqualTo(ids);
        assertThat(validated.acknowledgements()).allSatisfy(a -> {
            assertThat(a.acknowledgedBy().name()).isEqualTo("Inès Inspectrice");
            assertThat(a.acknowledgedAt()).isEqualTo(AT);
        });
    }

    @Test
    void theContentHashIsTheSha256OfTheJsonWithSortedKeys() {
        DraftContent content = DraftContent.table(List.of(new DraftContent.Column("b", "B")),
                List.of(new DraftContent.Row(Map.of("b", "é"), List.of(), List.of())));

        assertThat(ContentHash.canonicalJson(content)).isEqualTo(
                "{\"columns\":[{\"name\":\"b\",\"title\":\"B\"}],\"rows\":[{\"cellWarnings\":{},\"cells\":{\"b\":\"é\"},"
                        + "\"citations\":[],\"warnings\":[]}],\"text\":null}");
        assertThat(ContentHash.of(content)).hasSize(64).isEqualTo(ContentHash.of(DraftContent.table(
                List.of(new DraftContent.Column("b", "B")), List.of(new DraftContent.Row(Map.of("b", "é"), null, null)))));
        assertThat(ContentHash.of(content)).isNotEqualTo(ContentHash.of(DraftContent.text("é")));
    }
}
