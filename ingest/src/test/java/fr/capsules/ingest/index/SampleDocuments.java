package fr.capsules.ingest.index;

import fr.capsules.ingest.chunk.Passage;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;

/** Realistic French documents of a complaints capsule, and the records that describe them. */
public final class SampleDocuments {

    public static final List<Passage> RECLAMATIONS_PROCEDURE =
            List.of(
                    passage(
                            1,
                            List.of("Procédure de traitement des réclamations", "Réception"),
                            "Toute réclamation reçue par courrier ou par voie électronique est"
                                    + " enregistrée le jour même dans l'outil de suivi. Un accusé"
                                    + " de réception est adressé au réclamant sous huit jours."),
                    passage(
                            2,
                            List.of("Procédure de traitement des réclamations", "Délais"),
                            "Le délai de réponse au réclamant est fixé à deux mois à compter"
                                    + " de la réception de la réclamation. Lorsqu'une inspection"
                                    + " de l'établissement est nécessaire, le réclamant en est"
                                    + " informé et le délai peut être prolongé d'un mois."),
                    passage(
                            3,
                            List.of("Procédure de traitement des réclamations", "Clôture"),
                            "La clôture du dossier intervient après l'envoi de la réponse"
                                    + " définitive, signée par le directeur de la délégation"
                                    + " départementale."));

    public static final List<Passage> EHPAD_INSPECTION =
            List.of(
                    passage(
                            4,
                            List.of("Rapport d'inspection", "Constats"),
                            "Les établissements visités ne disposent pas d'un registre des"
                                    + " réclamations à jour. Les familles indiquent ne pas savoir"
                                    + " à qui adresser leurs plaintes."),
                    passage(
                            5,
                            List.of("Rapport d'inspection", "Mesures"),
                            "Prescription : mettre en place sous trois mois un registre des"
                                    + " plaintes et réclamations, consultable par le conseil de la"
                                    + " vie sociale."));

    private SampleDocuments() {}

    public static Passage passage(int page, List<String> headings, String text) {
        return new Passage(text, page, headings, Passage.Kind.TEXT);
    }

    public static DocumentRecord record(String id, String file, String title, List<Passage> passages) {
        String text = String.join("\n", passages.stream().map(Passage::text).toList());
        return new DocumentRecord(
                id,
                file,
                title,
                "2024-03-15",
                passages.stream().mapToInt(Passage::page).max().orElse(0),
                passages.size(),
                sha256(file + "\n" + text),
                sha256(text),
                "PDF",
                List.of(),
                Instant.parse("2024-04-01T08:00:00Z"));
    }

    public static String sha256(String text) {
        try {
            return HexFormat.of()
                    .formatHex(
                            MessageDigest.getInstance("SHA-256")
                                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
