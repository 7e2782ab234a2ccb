package fr.capsules.app.web.openai;

import fr.capsules.app.kernel.InvalidRequestException;

/**
 * A chat completion request the service cannot honour as sent: a member it does not support
 * ({@code tools}, {@code n} > 1…) or a malformed one. Answered 400 like any invalid request, naming
 * the member at fault ({@code param}) and OpenAI's code for the case.
 *
 * @param param the member, e.g. {@code tools} or {@code messages[2].content}
 * @param code {@code unsupported_parameter}, {@code unsupported_value}, {@code invalid_value} or
 *     {@code missing_required_parameter}
 */
final class UnsupportedRequestException extends InvalidRequestException {

    private final String param;
    private final String code;

    UnsupportedRequestException(String param, String code, String message) {
        super(message);
        this.param = param;
        this.code = code;
    }

    static UnsupportedRequestException unsupported(String param, String message) {
        return new UnsupportedRequestException(param, "unsupported_parameter", message);
    }

    static UnsupportedRequestException invalid(String param, String message) {
        return new UnsupportedRequestException(param, "invalid_value", message);
    }

    static UnsupportedRequestException missing(String param, String message) {
        return new UnsupportedRequestException(param, "missing_required_parameter", message);
    }

    String param() {
        return param;
    }

    String code() {
        return code;
    }
}
