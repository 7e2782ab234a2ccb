package fr.capsules.app.web.ui;

import fr.capsules.app.access.SignInOptions;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The sign-in page: the form of the local accounts and/or the identity provider's button, as
 * configured; Spring Security handles the form's POST, the provider's round trip and the sign-out.
 */
@Controller
class LoginPage {

    private final SignInOptions options;

    LoginPage(SignInOptions options) {
        this.options = options;
    }

    @GetMapping("/login")
    String login(Model model) {
        model.addAttribute("signIn", options);
        return "login";
    }
}
