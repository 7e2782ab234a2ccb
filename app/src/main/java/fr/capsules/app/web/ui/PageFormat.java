package fr.capsules.app.web.ui;

import fr.capsules.app.ask.AnswerMode;
import fr.capsules.app.capsule.CapsuleKind;
import fr.capsules.app.capsule.CapsuleStatus;
import fr.capsules.app.draft.DraftStatus;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.springframework.stereotype.Component;

/** How values read in the pages, in French: {@code ${@pageFormat.instant(d.createdAt)}}. */
@Component("pageFormat")
public class PageFormat {

    private static final DateTimeFormatter WHEN =
            DateTimeFormatter.ofPattern("dd/MM/yyyy 'à' HH:mm", Locale.FRANCE).withZone(ZoneId.of("Europe/Paris"));

    public String instant(Instant at) {
        return at == null ? "" : WHEN.format(at);
    }

    public String percent(Double share) {
        return share == null ? "—" : Math.round(share * 100) + " %";
    }

    /** A count with French digit grouping: 1 234 567. */
    public String count(long value) {
        return String.format(Locale.FRANCE, "%,d", value);
    }

    /** A decimal in French, {@code digits} after the comma; "—" for none. */
    public String decimal(Double value, int digits) {
        return value == null ? "—" : String.format(Locale.FRANCE, "%,." + digits + "f", value);
    }

    /** What an answer cost, for the line under it: tokens, server time, estimated energy and carbon. */
    public String usage(fr.capsules.app.usage.Consumption usage) {
        return String.format(Locale.FRANCE, "%,d + %,d jetons · %s s · ≈ %s Wh · ≈ %s g CO₂e (estimation)",
                usage.promptTokens(), usage.completionTokens(), upTo2(usage.totalMs() / 1000.0), upTo2(usage.energyWh()),
                upTo2(usage.carbonGrams()));
    }

    private static String upTo2(double value) {
        java.text.NumberFormat format = java.text.NumberFormat.getNumberInstance(Locale.FRANCE);
        format.setMaximumFractionDigits(2);
        return format.format(value);
    }

    public String status(DraftStatus status) {
        return switch (status) {
            case GENERATED -> "Généré";
            case EDITED -> "Modifié";
            case VALIDATED -> "Validé";
            case REJECTED -> "Rejeté";
        };
    }

    public String kind(CapsuleKind kind) {
        return kind == CapsuleKind.TABLE ? "tableau" : "réponse";
    }

    public String capsuleStatus(CapsuleStatus status) {
        return switch (status) {
            case DRAFT -> "en préparation";
            case PUBLISHED -> "publiée";
            case RETIRED -> "retirée";
        };
    }

    public String mode(AnswerMode mode) {
        return switch (mode) {
            case GENERATIVE -> "Réponse rédigée par le modèle";
            case EXTRACTIVE -> "Réponse extractive : modèle indisponible";
            case ABSTAINED -> "Les documents ne permettent pas de répondre";
        };
    }

    public String source(String title, Integer page) {
        return (title == null || title.isBlank() ? "Document" : title) + (page == null ? "" : ", p. " + page);
    }

    /** The rank of a cited passage in its document, for the link to it; null when not recorded. */
    /** How the answer drew on a source when the model did not cite it itself, in French; null otherwise. */
    public String attribution(fr.capsules.app.ask.Citation citation) {
        return fr.capsules.app.ask.Citation.RESTATED.equals(citation.attribution())
                ? "repris par la réponse sans être cité : rattaché automatiquement"
                : fr.capsules.app.ask.Citation.CONSULTED.equals(citation.attribution())
                        ? "fourni au modèle : aucune phrase de la réponse n'y renvoie"
                        : null;
    }

    public Integer passageRank(fr.capsules.app.ask.Citation citation) {
        String id = citation.passageId();
        int hash = id == null ? -1 : id.lastIndexOf('#');
        if (hash < 0) {
            return null;
        }
        try {
            return Integer.parseInt(id.substring(hash + 1));
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
