package dev.swarmmanager.security;

import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.spi.Extension;
import jakarta.enterprise.inject.spi.ProcessAnnotatedType;
import jakarta.enterprise.inject.spi.WithAnnotations;
import java.lang.annotation.Annotation;
import java.util.logging.Logger;

/**
 * Keeps the beans of one sign-in mode and removes the other's. Jakarta Security and MicroProfile JWT install an
 * authentication mechanism for every bean that carries their definition annotation, and a module may have only
 * one; removing the unused mode's beans before they are discovered leaves exactly one, chosen by configuration.
 */
public class SignInMode implements Extension {

    private static final Logger LOG = Logger.getLogger(SignInMode.class.getName());

    <T> void choose(@Observes @WithAnnotations({SingleSignOnOnly.class, LocalSignInOnly.class}) ProcessAnnotatedType<T> type) {
        boolean sso = SignInSettings.singleSignOn();
        boolean keep = sso ? type.getAnnotatedType().isAnnotationPresent(SingleSignOnOnly.class)
                : type.getAnnotatedType().isAnnotationPresent(LocalSignInOnly.class);
        if (!keep) {
            type.veto();
        } else if (sso && type.getAnnotatedType().isAnnotationPresent(SingleSignOnDefinitions.class)) {
            // Added while the type is processed: what reads the bean's definitions later (Soteria, Payara's, reads them
            // when the bean is processed) sees them as declared. An extension that picks its types by annotation before
            // that (@WithAnnotations: Open Liberty's) does not; Liberty is run in local mode only (README).
            var configurator = type.configureAnnotatedType();
            for (Annotation definition : type.getAnnotatedType().getAnnotation(SingleSignOnDefinitions.class).value().getAnnotations()) {
                if (!definition.annotationType().getPackageName().equals("java.lang.annotation")) {
                    configurator.add(definition); // not @Retention, @Target and the like: what the holder says of itself
                }
            }
        }
        LOG.fine(() -> (keep ? "keeping " : "removing ") + type.getAnnotatedType().getJavaClass().getName()
                + (sso ? " (single sign-on)" : " (local sign-in)"));
    }
}
