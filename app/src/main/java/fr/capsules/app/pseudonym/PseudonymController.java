package fr.capsules.app.pseudonym;

import fr.capsules.app.access.CapsulesUser;
import fr.capsules.ingest.pseudonymize.PseudonymTable;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** A capsule's pseudonym table over HTTP: {@code GET /api/capsules/{id}/pseudonyms}. */
@RestController
class PseudonymController {

    private final PseudonymConsultation consultation;

    PseudonymController(PseudonymConsultation consultation) {
        this.consultation = consultation;
    }

    /**
     * One entry per pseudonym.
     *
     * @param category {@code person}, {@code nir}, {@code phone}, {@code email}, {@code iban},
     *     {@code birth-date}, {@code address} or {@code establishment}
     * @param originals the writings it replaced in the capsule's documents, first seen first
     */
    record EntryView(String pseudonym, String category, List<String> originals) {
        static EntryView of(PseudonymTable.Entry e) {
            return new EntryView(e.pseudonym(), e.category().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'),
                    e.originals());
        }
    }

    @GetMapping("/api/capsules/{id}/pseudonyms")
    List<EntryView> pseudonyms(@PathVariable String id, CapsulesUser user) {
        return consultation.read(id, user).stream().map(EntryView::of).toList();
    }
}
