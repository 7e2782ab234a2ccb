package fr.capsules.app.web.ui;

import fr.capsules.app.access.CapsulesUser;
import fr.capsules.app.access.UserAccount;
import fr.capsules.app.access.UserAccounts;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Puts the signed-in person (or null on the login page) in every page's model as {@code me}. */
@ControllerAdvice(basePackageClasses = CurrentPerson.class)
class CurrentPerson {

    private final UserAccounts accounts;

    CurrentPerson(UserAccounts accounts) {
        this.accounts = accounts;
    }

    @ModelAttribute("me")
    CapsulesUser me() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || authentication instanceof AnonymousAuthenticationToken || !authentication.isAuthenticated()) {
            return null;
        }
        return accounts.find(authentication.getName()).map(UserAccount::toUser).orElse(null);
    }
}
