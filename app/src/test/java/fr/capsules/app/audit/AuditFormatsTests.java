package fr.capsules.app.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The fixed formats of the audit trail: canonical JSON, the hashed form, CSV cells, query parameters. */
class AuditFormatsTests {

    @Test
    void canonicalJsonSortsKeysAndWritesNumbersWithoutTrailingZeros() {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("z", List.of(1.50, 2.0, 10L, new BigDecimal("1E+2"), -0.0));
        details.put("a", Map.of("é", "à\"\\\n", "b", false));
        details.put("m", null);

        assertThat(CanonicalJson.write(details))
                .isEqualTo("{\"a\":{\"b\":false,\"é\":\"à\\\"\\\\\\n\"},\"m\":null,\"z\":[1.5,2,10,100,0]}");
    }

    @Test
    void canonicalJsonIsStableThroughARead() {
        String text = CanonicalJson.write(Map.of("x", List.of(0.1, 1e-7, 123456789012345678L, "\uD83D"), "y", Map.of()));

        assertThat(CanonicalJson.write(CanonicalJson.readObject(text))).isEqualTo(text);
        assertThat(text).contains("\\ud83d");
    }

    @Test
    void theHashedFormIsOneSortedJsonObjectWithMicrosecondsInUtc() {
        String form = ChainHashes.canonicalForm(42, Instant.parse("2025-03-14T09:26:53.5897931Z"), "inspecteur", "ask",
                "mesures-inspection", 3, "{\"question\":\"Délai ?\"}", "0".repeat(64));

        assertThat(form).isEqualTo("{\"action\":\"ask\",\"actor\":\"inspecteur\",\"capsuleId\":\"mesures-inspection\","
                + "\"capsuleVersion\":3,\"details\":{\"question\":\"Délai ?\"},\"previousHash\":\"" + "0".repeat(64) + "\","
                + "\"recordedAt\":\"2025-03-14T09:26:53.589793Z\",\"seq\":42}");
        assertThat(ChainHashes.canonicalForm(1, Instant.parse("2025-03-14T09:00:00Z"), "système", "capsule-reindexed",
                        null, null, "{}", "0".repeat(64)))
                .contains("\"capsuleId\":null,\"capsuleVersion\":null", "\"recordedAt\":\"2025-03-14T09:00:00.000000Z\"");
    }

    @Test
    void csvCellsThatASpreadsheetWouldRunAreNeutralisedAndQuotedWhenNeeded() {
        assertThat(AuditCsv.cell("=1+1")).isEqualTo("'=1+1");
        assertThat(AuditCsv.cell("+33 1 23")).isEqualTo("'+33 1 23");
        assertThat(AuditCsv.cell("-2")).isEqualTo("'-2");
        assertThat(AuditCsv.cell("@SUM(A1)")).isEqualTo("'@SUM(A1)");
        assertThat(AuditCsv.cell("a;b")).isEqualTo("\"a;b\"");
        assertThat(AuditCsv.cell("dit \"non\"")).isEqualTo("\"dit \"\"non\"\"\"");
        assertThat(AuditCsv.cell("référent")).isEqualTo("référent");
        assertThat(AuditCsv.cell(null)).isEmpty();
    }

    @Test
    void queryParametersReadDatesInParisTimeAndABareEndDateIncludesThatDay() {
        AuditQuery query = AuditQueryParameters.parse("admin", "charte-ia", "draft-exported", "2025-03-01", "2025-03-31", null, null);

        assertThat(query.from()).isEqualTo(Instant.parse("2025-02-28T23:00:00Z"));
        assertThat(query.to()).isEqualTo(Instant.parse("2025-03-31T22:00:00Z"));
        assertThat(query.action()).isEqualTo(AuditAction.DRAFT_EXPORTED);
        assertThat(query.limit()).isEqualTo(500);
        assertThat(AuditQueryParameters.parse(null, null, null, "2025-03-14T09:30", "2025-03-14T10:00:00Z", "10", "20"))
                .isEqualTo(new AuditQuery(null, null, null, Instant.parse("2025-03-14T08:30:00Z"),
                        Instant.parse("2025-03-14T10:00:00Z"), 10, 20));
    }

    @Test
    void queryParametersRefuseWhatTheyCannotUseWithAFrenchMessage() {
        assertThatThrownBy(() -> AuditQueryParameters.parse(null, null, "ASK", null, null, null, null))
                .isInstanceOf(InvalidAuditQueryException.class)
                .hasMessageContaining("inconnue");
        assertThatThrownBy(() -> AuditQueryParameters.parse(null, null, null, "hier", null, null, null))
                .hasMessageContaining("n'est pas une date");
        assertThatThrownBy(() -> AuditQueryParameters.parse(null, "../etc", null, null, null, null, null))
                .hasMessageContaining("identifiant de capsule");
        assertThatThrownBy(() -> AuditQueryParameters.parse(null, null, null, null, null, "1e3", null))
                .hasMessageContaining("nombre entier");
    }

    @Test
    void everyActionCodeIsLowercaseHyphenatedAndReadsBack() {
        for (AuditAction action : AuditAction.values()) {
            assertThat(action.code()).matches("[a-z]+(-[a-z]+)*");
            assertThat(AuditAction.fromCode(action.code())).contains(action);
        }
        assertThat(AuditAction.values()).hasSize(16);
    }
}
