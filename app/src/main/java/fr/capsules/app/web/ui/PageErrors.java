package fr.capsules.app.web.ui;

import fr.capsules.app.web.Problem;
import fr.capsules.app.web.ProblemMapping;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;

/**
 * Failures while rendering a page become a page a person understands (what happened, what to do
 * next), never a JSON problem or a stack trace. Which problem a failure is, and whether it is a
 * refusal to record, comes from the same {@link ProblemMapping} as the API; only the wording is
 * the page's own.
 */
@ControllerAdvice(basePackageClasses = PageErrors.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class PageErrors {

    private final ProblemMapping problems;

    PageErrors(ProblemMapping problems) {
        this.problems = problems;
    }

    @ExceptionHandler(Exception.class)
    ModelAndView failed(Exception e, HttpServletRequest request) {
        ModelAndView page = page(problems.problemFor(e, request));
        // Exception handlers get no model attributes from the advice: the navigation needs the person.
        page.addObject("me", SignedInPerson.of(request));
        return page;
    }

    private static ModelAndView page(Problem problem) {
        HttpStatus status = problem.type().status();
        if (status == HttpStatus.NOT_FOUND) {
            return page(status, "Page introuvable",
                    "Ce que vous cherchez est introuvable : il n'existe pas, ou vous n'y avez pas accès.");
        }
        if (status == HttpStatus.FORBIDDEN) {
            return page(status, "Accès refusé", "Votre compte n'a pas les droits nécessaires : " + problem.detail() + ".");
        }
        if (status.is4xxClientError()) {
            return page(status, "Demande impossible", sentence(problem.detail()));
        }
        return page(status, "Une erreur est survenue", sentence(problem.detail()));
    }

    private static ModelAndView page(HttpStatus status, String title, String detail) {
        ModelAndView page = new ModelAndView("error");
        page.setStatus(status);
        page.addObject("status", status.value());
        page.addObject("title", title);
        page.addObject("detail", detail);
        return page;
    }

    /** A domain message ("la capsule … est retirée") as a sentence of its own. */
    private static String sentence(String message) {
        if (message == null || message.isEmpty()) {
            return "";
        }
        String capitalised = Character.toUpperCase(message.charAt(0)) + message.substring(1);
        return capitalised.endsWith(".") ? capitalised : capitalised + ".";
    }
}
