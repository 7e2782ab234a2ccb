package fr.capsules.app.web.ui;

import fr.capsules.app.access.CapsulesUser;
import fr.capsules.app.document.CitedSources;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Where a citation leads. Someone the capsule lets open its originals goes to the document itself:
 * a PDF shown by the browser at the cited page ({@code #page=N}), any other format as its text in
 * the page at the cited passage ({@code #passage-N}). Anyone else reads the cited passage with the
 * passages around it, and never gets the file ({@link CitedSources} refuses it, here and in the API).
 */
@Controller
class SourcePages {

    private final CitedSources sources;

    SourcePages(CitedSources sources) {
        this.sources = sources;
    }

    @GetMapping("/capsules/{id}/documents/{documentId}/passages/{rank}")
    String passage(@PathVariable String id, @PathVariable String documentId, @PathVariable int rank, CapsulesUser user,
            Model model) {
        CitedSources.Source source = sources.passage(id, documentId, rank, user);
        if (source.originalOpen()) {
            UriComponentsBuilder target = UriComponentsBuilder.newInstance();
            if (source.paged()) {
                target.path("/api/capsules/{id}/documents/{doc}/file").queryParam("inline", "true")
                        .fragment("page=" + source.cited().page());
            } else {
                target.path("/capsules/{id}/documents/{doc}/text").fragment("passage-" + rank);
            }
            return "redirect:" + target.buildAndExpand(source.capsuleId(), documentId).encode().toUriString();
        }
        model.addAttribute("source", source);
        model.addAttribute("citedRank", rank);
        return "source";
    }

    @GetMapping("/capsules/{id}/documents/{documentId}/text")
    String text(@PathVariable String id, @PathVariable String documentId, CapsulesUser user, Model model) {
        model.addAttribute("text", sources.text(id, documentId, user));
        return "document-text";
    }
}
