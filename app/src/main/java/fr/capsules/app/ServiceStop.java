package fr.capsules.app;

import org.slf4j.Logger;
import org.springframework.context.ApplicationListener;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.stereotype.Component;

/**
 * Whether the service is stopping: set as soon as the application context starts closing, before any
 * bean is destroyed. Start-up work (the catalogue's indexing runs in the starting thread, for minutes
 * on a large catalogue) and background work check it, so that a stop ends them quietly, to be taken
 * up at the next start, instead of failing on the database and indexes closing under them.
 */
@Component
public class ServiceStop implements ApplicationListener<ContextClosedEvent> {

    private volatile boolean requested;

    @Override
    public void onApplicationEvent(ContextClosedEvent event) {
        requested = true;
    }

    /** Whether a stop has begun. */
    public boolean requested() {
        return requested;
    }

    /**
     * Runs start-up work; when it fails because the service began to stop meanwhile, says so at INFO
     * ("{@code what} : interrompu(e) par l'arrêt du service") instead of failing the start. Work not
     * begun before a stop is not begun.
     */
    public void unlessStopping(String what, Logger log, Runnable work) {
        if (requested) {
            log.info("{} : non commencé(e), le service s'arrête", what);
            return;
        }
        try {
            work.run();
        } catch (RuntimeException e) {
            if (!requested) {
                throw e;
            }
            log.info("{} : interrompu(e) par l'arrêt du service ; repris(e) au prochain démarrage ({})", what, e.toString());
        }
    }
}
