package fr.capsules.app.quota;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.security.Principal;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Applies {@link FairUse} to every way a person asks the model: questions (the API's ask, the page's question form,
 * the OpenAI-compatible chat completions) and drafts (the API and the page). The permit is taken before the handler
 * runs and given back when the request is over, a streamed answer included (after its asynchronous end, whether the
 * stream finished, failed or the client left).
 */
@Configuration
class FairUseInterceptor implements HandlerInterceptor, WebMvcConfigurer {

    private static final String PERMIT = FairUseInterceptor.class.getName() + ".permit";

    private final FairUse fairUse;

    FairUseInterceptor(FairUse fairUse) {
        this.fairUse = fairUse;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new Admission(fairUse, Activity.QUESTION))
                .addPathPatterns("/api/capsules/*/ask", "/capsules/*", "/v1/chat/completions");
        registry.addInterceptor(new Admission(fairUse, Activity.DRAFT))
                .addPathPatterns("/api/capsules/*/drafts", "/capsules/*/drafts");
    }

    /** One kind of request. */
    private record Admission(FairUse fairUse, Activity activity) implements HandlerInterceptor {

        @Override
        public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
            Principal principal = request.getUserPrincipal();
            // Only POSTs start a generation; an asynchronous re-dispatch keeps the permit it has.
            if (!"POST".equals(request.getMethod()) || principal == null || request.getAttribute(PERMIT) != null) {
                return true;
            }
            request.setAttribute(PERMIT, fairUse.admit(principal.getName(), activity));
            return true;
        }

        @Override
        public void afterCompletion(HttpServletRequest request, HttpServletResponse response, Object handler, Exception ex) {
            if (request.getAttribute(PERMIT) instanceof FairUse.Permit permit) {
                permit.close();
            }
        }
    }
}
