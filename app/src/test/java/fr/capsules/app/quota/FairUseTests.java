package fr.capsules.app.quota;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class FairUseTests {

    private final FairUse fairUse = new FairUse(new FairUseProperties(
            new FairUseProperties.Limit(2, 3), new FairUseProperties.Limit(1, 10)));

    @Test
    void aPersonMayHaveAsManyQuestionsUnderWayAsTheLimitAndOneMoreOnceOneEnds() {
        FairUse.Permit first = fairUse.admit("ines", Activity.QUESTION);
        fairUse.admit("ines", Activity.QUESTION);

        TooManyRequestsException refused = catchThrowableOfType(TooManyRequestsException.class,
                () -> fairUse.admit("ines", Activity.QUESTION));
        assertThat(refused.getMessage()).isEqualTo("vous avez déjà 2 questions en cours : attendez la fin d'une réponse"
                + " avant d'en demander une autre");
        assertThat(refused.retryAfter()).isPositive();

        first.close();
        first.close();
        assertThat(fairUse.admit("ines", Activity.QUESTION)).isNotNull();
    }

    @Test
    void theMinutesShareIsCountedEvenWhenEachQuestionEndsAndSaysWhenToComeBack() {
        for (int i = 0; i < 3; i++) {
            fairUse.admit("rachid", Activity.QUESTION).close();
        }

        TooManyRequestsException refused = catchThrowableOfType(TooManyRequestsException.class,
                () -> fairUse.admit("rachid", Activity.QUESTION));

        assertThat(refused.getMessage()).startsWith("vous avez envoyé plus de 3 questions en une minute : réessayez dans");
        assertThat(refused.retryAfter()).isPositive().isLessThanOrEqualTo(Duration.ofSeconds(20));
    }

    @Test
    void oneAgentsFloodLeavesAnotherAgentAndTheirOtherActivityUntouched() {
        fairUse.admit("ines", Activity.DRAFT);
        assertThatThrownBy(() -> fairUse.admit("ines", Activity.DRAFT)).isInstanceOf(TooManyRequestsException.class)
                .hasMessageContaining("1 brouillon en cours");

        assertThat(fairUse.admit("ines", Activity.QUESTION)).isNotNull();
        assertThat(fairUse.admit("claude", Activity.DRAFT)).isNotNull();
    }
}
