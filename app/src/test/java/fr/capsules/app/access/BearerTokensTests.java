package fr.capsules.app.access;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BearerTokensTests {

    @Test
    void aCompactJwsLooksLikeAJwt() {
        assertThat(BearerTokens.looksLikeJwt("eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ4In0.c2ln")).isTrue();
    }

    @Test
    void anApiTokenWithoutTwoDotsOrWithoutAJsonHeaderDoesNot() {
        assertThat(BearerTokens.looksLikeJwt("capsules-api-jeton-0001")).isFalse();
        assertThat(BearerTokens.looksLikeJwt("a.b")).isFalse();
        assertThat(BearerTokens.looksLikeJwt("abc.def.ghi")).isFalse();
        assertThat(BearerTokens.looksLikeJwt("eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ4In0.")).isFalse();
        assertThat(BearerTokens.looksLikeJwt(null)).isFalse();
    }
}
