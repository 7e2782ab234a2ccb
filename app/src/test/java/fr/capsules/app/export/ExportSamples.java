package fr.capsules.app.export;

import fr.capsules.app.export.ExportDocument.Column;
import fr.capsules.app.export.ExportDocument.Source;
import fr.capsules.app.export.ExportDocument.TableBody;
import fr.capsules.app.export.ExportDocument.TextBody;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Realistic validated drafts: an answer of the "réclamations" capsule and an EHPAD tableau de mesures. */
final class ExportSamples {

    /** 13:05 UTC is 14:05 in Paris in November. */
    static final Instant VALIDATED_AT = Instant.parse("2026-11-22T13:05:00Z");

    static final String LABEL = "Généré par IA — validé par Jeanne Dupont le 22/11/2026 à 14:05";

    static final Exporter EXPORTER =
            new Exporter(Clock.fixed(Instant.parse("2026-11-23T08:30:00Z"), ZoneOffset.UTC));

    private ExportSamples() {}

    static ExportDocument answer() {
        String text = """
                L'accusé de réception d'une réclamation est adressé à l'usager sous huit jours ouvrés [1]. \
                Il précise le service en charge du dossier et le délai prévisible de réponse.

                La réponse au fond intervient dans un délai de deux mois ; à défaut, l'usager est informé \
                de l'état d'avancement de l'instruction [2]. Les réclamations portant sur la maltraitance \
                ne suivent pas ce circuit : elles sont transmises sans délai à l'inspection [1][2].""";
        return new ExportDocument(
                "9a7e41c2-5b0d-4e8f-a1c3-2f6d8e9b0a14",
                "Délais de réponse aux réclamations",
                "reclamations",
                "Réclamations",
                2,
                "mistral-small3.2",
                "Jeanne Dupont",
                VALIDATED_AT,
                new TextBody(text),
                List.of(
                        new Source(1, "Procédure de traitement des réclamations", "procedure-reclamations.pdf", 3),
                        new Source(2, "Guide de l'usager — délais", "guide-delais.docx", null)));
    }

    static final List<Column> MEASURE_COLUMNS = List.of(
            new Column("numero", "N°"),
            new Column("constat", "Constat"),
            new Column("type", "Type"),
            new Column("reference", "Référence"),
            new Column("mesure", "Mesure"),
            new Column("nature", "Nature"),
            new Column("delai", "Délai"));

    static ExportDocument measureTable() {
        List<Map<String, String>> rows = List.of(
                row("1", "Le plan bleu n'est pas actualisé depuis 2023.", "Écart",
                        "Art. D. 312-160 du CASF", "Actualiser le plan bleu et le transmettre à l'ARS.",
                        "Prescription", "3 mois"),
                row("2", "Les prescriptions médicales ne sont pas systématiquement signées par le médecin.", "Écart",
                        "Art. R. 5132-3 du CSP", "Veiller à la signature de toutes les prescriptions.",
                        "Injonction", "Immédiat"),
                row("3", "=SUM(A1) figure à la place des totaux dans le tableau de suivi des chutes.", "Remarque",
                        "Recommandation HAS | bientraitance", "Fiabiliser l'outil de suivi des chutes.",
                        "Recommandation", "6 mois"),
                row("4", "L'équipe de nuit compte un seul aide-soignant pour 84 résidents.", "Écart",
                        "Art. L. 311-3 du CASF", "Renforcer l'effectif de nuit ; présenter un plan de recrutement.",
                        "Prescription", "6 mois"),
                row("5", "Les menus ne sont pas affichés dans les unités protégées.", "Remarque",
                        "Recommandation ANESM « Qualité de vie en EHPAD »",
                        "-Afficher les menus de la semaine à hauteur des résidents.", "Recommandation", "1 mois"));
        return new ExportDocument(
                "3f1c2f8e-0b7a-4d55-9e21-7c4b6a1d2e30",
                "Tableau de mesures — EHPAD Les Tilleuls",
                "mesures-inspection",
                "Mesures d'inspection",
                3,
                null,
                "Jeanne Dupont",
                VALIDATED_AT,
                new TableBody(MEASURE_COLUMNS, rows),
                List.of(new Source(1, "Rapport d'inspection type EHPAD", "rapport.pdf", 12)));
    }

    /** When Inès Inspectrice acknowledged the warnings: 14:02 in Paris. */
    static final Instant ACKNOWLEDGED_AT = Instant.parse("2026-11-22T13:02:00Z");

    static final Source REPORT_2024 = new Source(1, "Rapport d'inspection EHPAD Les Cèdres 2024", "rapport.pdf", 12);
    static final Source GUIDE_HAS = new Source(2, "Guide HAS — bientraitance", "guide-has.pdf", null);

    /**
     * A measures table as the inspector validated it: each row names its sources, two warnings were acknowledged, and
     * words that a font's ligatures would garble ("vérifié", "fiche", "affichée").
     */
    static ExportDocument reviewedMeasureTable() {
        List<Map<String, String>> rows = List.of(
                row("E1", "Le plan bleu n'a pas été vérifié depuis 2023.", "écart", "Art. D. 312-160 du CASF",
                        "Actualiser le plan bleu et le faire vérifier par le médecin coordonnateur.", "prescription",
                        "3 mois"),
                row("R1", "La fiche de traçabilité des chutes n'est pas affichée dans les unités.", "remarque",
                        "à compléter", "Afficher la fiche de traçabilité des chutes.", "recommandation", "6 mois"));
        List<List<Source>> rowSources = List.of(List.of(REPORT_2024, GUIDE_HAS), List.of());
        List<ExportDocument.AcknowledgedWarning> warnings = List.of(
                new ExportDocument.AcknowledgedWarning("Brouillon", "2 constat(s) lu(s) : vérifiez le compte.",
                        "Inès Inspectrice", ACKNOWLEDGED_AT),
                new ExportDocument.AcknowledgedWarning("Ligne 2, Référence",
                        "référence non trouvée dans les sources citées — à vérifier avant validation",
                        "Inès Inspectrice", ACKNOWLEDGED_AT));
        return new ExportDocument(
                "5d2e8a10-7c3b-4f6e-9a01-b2c3d4e5f607",
                "Tableau de mesures — EHPAD Les Tilleuls",
                "mesures-inspection",
                "Mesures d'inspection",
                3,
                "mistral-small3.2",
                "Inès Inspectrice",
                VALIDATED_AT,
                new TableBody(MEASURE_COLUMNS, rows, rowSources),
                List.of(REPORT_2024, GUIDE_HAS),
                warnings);
    }

    private static Map<String, String> row(
            String numero, String constat, String type, String reference, String mesure, String nature, String delai) {
        Map<String, String> row = new LinkedHashMap<>();
        row.put("numero", numero);
        row.put("constat", constat);
        row.put("type", type);
        row.put("reference", reference);
        row.put("mesure", mesure);
        row.put("nature", nature);
        row.put("delai", delai);
        return row;
    }
}
