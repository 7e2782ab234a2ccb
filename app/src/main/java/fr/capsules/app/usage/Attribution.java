package fr.capsules.app.usage;

import fr.capsules.app.access.CapsulesUser;
import fr.capsules.app.capsule.CapsuleDefinition;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;

/**
 * Where a use is counted: the month (in Europe/Paris) and the service. The service is the asker's
 * service that the capsule serves (the first in alphabetical order when several); for a generic
 * capsule, the asker's first service; '' when the asker belongs to none (or is an administrator
 * outside the capsule's services).
 */
final class Attribution {

    static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    private Attribution() {}

    static String serviceOf(CapsulesUser user, CapsuleDefinition capsule) {
        return user.services().stream()
                .filter(s -> capsule.scope().generic() || capsule.scope().services().contains(s))
                .sorted()
                .findFirst()
                .orElse("");
    }

    static String monthOf(Instant at) {
        return YearMonth.from(at.atZone(PARIS)).toString();
    }
}
