package fr.capsules.app.web.ui;

import fr.capsules.app.access.ForbiddenException;
import fr.capsules.app.audit.AccessDenials;
import fr.capsules.app.capsule.CapsuleConflictException;
import fr.capsules.app.capsule.CapsuleNotFoundException;
import fr.capsules.app.document.DocumentNotFoundException;
import fr.capsules.app.draft.DraftNotFoundException;
import fr.capsules.app.draft.IllegalDraftTransitionException;
import fr.capsules.app.web.InvalidRequestException;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;

/**
 * Domain errors raised while rendering a page become a page a person understands (what happened,
 * what to do next), never a JSON problem or a stack trace. Refusals are traced like on the API.
 */
@ControllerAdvice(basePackageClasses = PageErrors.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class PageErrors {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(PageErrors.class);

    private final AccessDenials accessDenials;

    PageErrors(AccessDenials accessDenials) {
        this.accessDenials = accessDenials;
    }

    @ExceptionHandler({CapsuleNotFoundException.class, DraftNotFoundException.class, DocumentNotFoundException.class})
    ModelAndView notFound(RuntimeException e, HttpServletRequest request) {
        if (e instanceof CapsuleNotFoundException c && c.hidden()) {
            accessDenials.record(request, "capsule hors du périmètre de l'utilisateur");
        }
        return page(HttpStatus.NOT_FOUND, "Page introuvable",
                "Ce que vous cherchez est introuvable : il n'existe pas, ou vous n'y avez pas accès.");
    }

    @ExceptionHandler(ForbiddenException.class)
    ModelAndView forbidden(ForbiddenException e, HttpServletRequest request) {
        accessDenials.record(request, e.getMessage());
        return page(HttpStatus.FORBIDDEN, "Accès refusé", "Votre compte n'a pas les droits nécessaires : " + e.getMessage() + ".");
    }

    @ExceptionHandler({InvalidRequestException.class, CapsuleConflictException.class, IllegalDraftTransitionException.class})
    ModelAndView refused(RuntimeException e) {
        HttpStatus status = e instanceof InvalidRequestException ? HttpStatus.BAD_REQUEST : HttpStatus.CONFLICT;
        return page(status, "Demande impossible", capitalised(e.getMessage()) + ".");
    }

    @ExceptionHandler(Exception.class)
    ModelAndView unexpected(Exception e) {
        log.error("Unexpected error while rendering a page", e);
        return page(HttpStatus.INTERNAL_SERVER_ERROR, "Une erreur est survenue",
                "Une erreur inattendue s'est produite ; elle a été journalisée. Réessayez dans un instant, et si elle"
                        + " persiste, signalez-la à l'administrateur avec l'heure de la demande.");
    }

    static ModelAndView page(HttpStatus status, String title, String detail) {
        ModelAndView page = new ModelAndView("error");
        page.setStatus(status);
        page.addObject("status", status.value());
        page.addObject("title", title);
        page.addObject("detail", detail);
        return page;
    }

    private static String capitalised(String message) {
        return message == null || message.isEmpty() ? "" : Character.toUpperCase(message.charAt(0)) + message.substring(1);
    }
}
