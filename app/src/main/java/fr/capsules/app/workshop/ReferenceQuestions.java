package fr.capsules.app.workshop;

import fr.capsules.app.access.CapsulesUser;
import fr.capsules.app.audit.AuditAction;
import fr.capsules.app.audit.AuditTrail;
import fr.capsules.app.capsule.Capsule;
import fr.capsules.app.document.DocumentLibrary;
import fr.capsules.app.kernel.InvalidRequestException;
import fr.capsules.ingest.index.DocumentRecord;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * A capsule's reference questions, kept in the database in their order. A new list replaces the
 * old one whole, once checked against the capsule's documents: every expected document must be one
 * of them (by file or document id; kept as the file name, which survives a re-index).
 */
@Component
public class ReferenceQuestions {

    static final int MAX_QUESTIONS = 300;
    /** The catalogue's file of reference questions, beside {@code capsule.yaml}. */
    public static final String CATALOGUE_FILE = "questions.yaml";
    static final int MAX_QUESTION_CHARS = 2000;
    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {};

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final DocumentLibrary documents;
    private final AuditTrail audit;
    private final TransactionTemplate transaction;

    ReferenceQuestions(JdbcClient jdbc, JsonMapper json, DocumentLibrary documents, AuditTrail audit,
            PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.json = json;
        this.documents = documents;
        this.audit = audit;
        this.transaction = new TransactionTemplate(transactions);
    }

    /** The capsule's reference questions, in order. */
    public List<ReferenceQuestion> of(String capsuleId) {
        return jdbc.sql("SELECT id, question, expected_documents, expected_facts, answerable FROM reference_questions"
                        + " WHERE capsule_id = ? ORDER BY list_index")
                .param(capsuleId)
                .query((rs, row) -> new ReferenceQuestion(rs.getString(1), rs.getString(2),
                        json.readValue(rs.getString(3), STRINGS), json.readValue(rs.getString(4), STRINGS), rs.getBoolean(5)))
                .list();
    }

    /**
     * Replaces the capsule's questions, for a caller who maintains it (checked by the caller).
     *
     * @throws InvalidRequestException naming each question at fault: empty list, blank question, an answerable
     *     question without expected document, a document the capsule does not hold
     */
    public List<ReferenceQuestion> replace(Capsule capsule, List<ReferenceQuestion.Submitted> submitted, CapsulesUser user,
            String source) {
        List<ReferenceQuestion> checked = check(capsule, submitted);
        String capsuleId = capsule.definition().id();
        transaction.executeWithoutResult(status -> {
            jdbc.sql("DELETE FROM reference_questions WHERE capsule_id = ?").param(capsuleId).update();
            int position = 0;
            for (ReferenceQuestion q : checked) {
                jdbc.sql("INSERT INTO reference_questions (capsule_id, list_index, id, question, expected_documents,"
                                + " expected_facts, answerable) VALUES (?, ?, ?, ?, ?, ?, ?)")
                        .params(capsuleId, position++, q.id(), q.question(), json.writeValueAsString(q.expectedDocuments()),
                                json.writeValueAsString(q.expectedFacts()), q.answerable())
                        .update();
            }
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("count", checked.size());
            details.put("unanswerable", checked.stream().filter(q -> !q.answerable()).count());
            details.put("source", source);
            audit.record(user.username(), AuditAction.REFERENCE_QUESTIONS_CHANGED, capsuleId, capsule.definition().version(),
                    details);
        });
        return checked;
    }

    /**
     * Replaces the capsule's questions by those of a {@code questions.yaml} text, or, when {@code text} is null, of
     * the catalogue's file of the capsule.
     *
     * @throws InvalidRequestException when there is no such file or it does not hold valid questions
     */
    public List<ReferenceQuestion> importYaml(Capsule capsule, String text, CapsulesUser user) {
        String yaml = text;
        if (yaml == null || yaml.isBlank()) {
            java.nio.file.Path file = capsule.catalogFolder() == null ? null : capsule.catalogFolder().resolve(CATALOGUE_FILE);
            if (file == null || !java.nio.file.Files.isRegularFile(file)) {
                throw new InvalidRequestException("cette capsule n'a pas de fichier " + CATALOGUE_FILE
                        + " dans le catalogue : envoyez le contenu du fichier dans le corps de la requête");
            }
            try {
                yaml = java.nio.file.Files.readString(file);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
        return replace(capsule, QuestionsYaml.read(yaml), user, "yaml");
    }

    /** The capsule's questions as a {@code questions.yaml} text. */
    public String exportYaml(String capsuleId) {
        return QuestionsYaml.write(of(capsuleId));
    }

    List<ReferenceQuestion> check(Capsule capsule, List<ReferenceQuestion.Submitted> submitted) {
        if (submitted == null || submitted.isEmpty()) {
            throw new InvalidRequestException("la liste des questions de référence est vide : envoyez au moins une question"
                    + " (la publication en demande au moins 8)");
        }
        if (submitted.size() > MAX_QUESTIONS) {
            throw new InvalidRequestException("trop de questions de référence (" + submitted.size() + ", au plus "
                    + MAX_QUESTIONS + ")");
        }
        List<DocumentRecord> held = documents.list(capsule);
        Map<String, String> fileOf = new LinkedHashMap<>();
        for (DocumentRecord d : held) {
            fileOf.put(d.file(), d.file());
            fileOf.put(d.documentId(), d.file());
        }
        List<String> problems = new ArrayList<>();
        List<ReferenceQuestion> checked = new ArrayList<>();
        java.util.Set<String> ids = new java.util.HashSet<>();
        for (int i = 0; i < submitted.size(); i++) {
            ReferenceQuestion.Submitted s = submitted.get(i);
            String where = "question " + (i + 1);
            String text = s == null || s.question() == null ? "" : s.question().strip();
            if (text.isEmpty()) {
                problems.add(where + " : le texte de la question est vide");
                continue;
            }
            where += " « " + abbreviate(text) + " »";
            if (text.length() > MAX_QUESTION_CHARS) {
                problems.add(where + " : plus de " + MAX_QUESTION_CHARS + " caractères");
                continue;
            }
            boolean answerable = s.isAnswerable();
            List<String> expected = new ArrayList<>();
            for (String document : s.expectedDocuments() == null ? List.<String>of() : s.expectedDocuments()) {
                String file = document == null ? null : fileOf.get(document.strip());
                if (file == null) {
                    problems.add(where + " : le document attendu « " + document + " » n'est pas dans la capsule");
                } else if (!expected.contains(file)) {
                    expected.add(file);
                }
            }
            if (answerable && (s.expectedDocuments() == null || s.expectedDocuments().isEmpty())) {
                problems.add(where + " : indiquez au moins un document attendu, ou marquez-la « sans réponse dans les"
                        + " documents » (answerable: false)");
            }
            if (!answerable && !expected.isEmpty()) {
                problems.add(where + " : une question sans réponse dans les documents ne peut pas attendre de document");
            }
            List<String> facts = (s.expectedFacts() == null ? List.<String>of() : s.expectedFacts()).stream()
                    .filter(f -> f != null && !f.isBlank()).map(String::strip).toList();
            String id = s.id() == null || s.id().isBlank() ? UUID.randomUUID().toString() : s.id().strip();
            if (id.length() > 36 || !ids.add(id)) {
                id = UUID.randomUUID().toString();
                ids.add(id);
            }
            checked.add(new ReferenceQuestion(id, text, expected, facts, answerable));
        }
        if (!problems.isEmpty()) {
            throw new InvalidRequestException("questions de référence refusées — " + String.join(" ; ", problems));
        }
        return checked;
    }

    static String abbreviate(String text) {
        return text.length() <= 80 ? text : text.substring(0, 79) + "…";
    }
}
