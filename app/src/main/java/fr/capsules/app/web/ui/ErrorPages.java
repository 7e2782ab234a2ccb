package fr.capsules.app.web.ui;

import jakarta.servlet.http.HttpServletRequest;
import java.util.HashMap;
import java.util.Map;
import org.springframework.boot.webmvc.autoconfigure.error.ErrorViewResolver;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.ModelAndView;

/**
 * The page for errors that no page controller handled (an unknown address, a refusal by the
 * security filters, a failure in a filter): the same French error page as {@link PageErrors}, with
 * the navigation and the sign-out button of the person signed in.
 */
@Component
class ErrorPages implements ErrorViewResolver {

    @Override
    public ModelAndView resolveErrorView(HttpServletRequest request, HttpStatus status, Map<String, Object> model) {
        Map<String, Object> page = new HashMap<>(model);
        page.put("status", status.value());
        page.put("me", SignedInPerson.of(request));
        return new ModelAndView("error", page, status);
    }
}
