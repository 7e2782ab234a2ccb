package fr.capsules.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import fr.capsules.app.capsule.CapsuleNotFoundException;
import fr.capsules.app.kernel.InvalidRequestException;
import fr.capsules.app.kernel.RequestTooLargeException;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.BadCredentialsException;

class OpenAiErrorTests {

    @Test
    void aMissingOrHiddenCapsuleIsOpenAisModelNotFoundWithTheSameMessage() {
        OpenAiError missing = OpenAiError.of(ProblemMapping.of(new CapsuleNotFoundException("x", false)));
        OpenAiError hidden = OpenAiError.of(ProblemMapping.of(new CapsuleNotFoundException("x", true)));

        assertThat(hidden).isEqualTo(missing);
        assertThat(missing.status().value()).isEqualTo(404);
        assertThat(missing.code()).isEqualTo("model_not_found");
        assertThat(missing.param()).isEqualTo("model");
        assertThat(missing.type()).isEqualTo("invalid_request_error");
    }

    @Test
    void theStatusAndTheFrenchMessageComeFromTheCatalogue() {
        OpenAiError invalid = OpenAiError.of(ProblemMapping.of(new InvalidRequestException("la question est vide")));
        OpenAiError tooLarge = OpenAiError.of(ProblemMapping.of(new RequestTooLargeException("requête trop volumineuse")));
        OpenAiError unauthenticated = OpenAiError.of(ProblemMapping.of(new BadCredentialsException("x")));

        assertThat(invalid).extracting(e -> e.status().value(), OpenAiError::message, OpenAiError::code)
                .containsExactly(400, "la question est vide", "invalid_request");
        assertThat(tooLarge).extracting(e -> e.status().value(), OpenAiError::code).containsExactly(413, "request_too_large");
        assertThat(unauthenticated).extracting(e -> e.status().value(), OpenAiError::type, OpenAiError::code)
                .containsExactly(401, "authentication_error", "invalid_api_key");
    }

    @Test
    void theBodyHasEveryMemberOpenAisClientsRead() {
        Map<String, Object> body = OpenAiError.of(ProblemMapping.of(new InvalidRequestException("n non pris en charge")))
                .at("n", "unsupported_value").body();

        assertThat(body).containsOnlyKeys("error");
        @SuppressWarnings("unchecked")
        Map<String, Object> error = (Map<String, Object>) body.get("error");
        assertThat(error).containsExactly(
                Map.entry("message", "n non pris en charge"), Map.entry("type", "invalid_request_error"),
                Map.entry("param", "n"), Map.entry("code", "unsupported_value"));
    }
}
