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
