package fr.capsules.app.web.ui;

import fr.capsules.app.access.CapsulesPrincipal;
import fr.capsules.app.access.CapsulesUser;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Puts the signed-in person (or null on the login page) in every page's model as {@code me}. */
@ControllerAdvice(basePackageClasses = CurrentPerson.class)
class CurrentPerson {

    @ModelAttribute("me")
    CapsulesUser me() {
        // The same user the controllers get, local account or single sign-on alike.
        return CapsulesPrincipal.of(SecurityContextHolder.getContext().getAuthentication()).orElse(null);
    }
}
