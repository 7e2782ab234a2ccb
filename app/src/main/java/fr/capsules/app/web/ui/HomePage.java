package fr.capsules.app.web.ui;

import fr.capsules.app.access.CapsulesUser;
import fr.capsules.app.capsule.Capsules;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The home page: the capsules the person may use. */
@Controller
class HomePage {

    private final Capsules capsules;

    HomePage(Capsules capsules) {
        this.capsules = capsules;
    }

    @GetMapping("/")
    String home(CapsulesUser user, Model model) {
        model.addAttribute("capsules", capsules.visibleTo(user));
        return "home";
    }
}
