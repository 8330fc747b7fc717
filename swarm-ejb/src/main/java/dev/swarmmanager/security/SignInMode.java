package dev.swarmmanager.security;

import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.spi.Extension;
import jakarta.enterprise.inject.spi.ProcessAnnotatedType;
import jakarta.enterprise.inject.spi.WithAnnotations;
import java.lang.annotation.Annotation;
import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;
import java.util.Set;
import java.util.logging.Logger;

/**
 * Keeps the beans of one sign-in mode and removes the other's. Jakarta Security and MicroProfile JWT install an
 * authentication mechanism for every bean that carries their definition annotation, and a module may have only
 * one; removing the unused mode's beans before they are discovered leaves exactly one, chosen by configuration.
 */
public class SignInMode implements Extension {

    private static final Logger LOG = Logger.getLogger(SignInMode.class.getName());
    /** What an annotation type carries about itself, not a definition to hand on. */
    private static final Set<Class<? extends Annotation>> META = Set.of(Retention.class, Target.class, Documented.class);

    <T> void choose(@Observes @WithAnnotations({SingleSignOnOnly.class, LocalSignInOnly.class}) ProcessAnnotatedType<T> type) {
        boolean sso = SignInSettings.singleSignOn();
        boolean keep = sso ? type.getAnnotatedType().isAnnotationPresent(SingleSignOnOnly.class)
                : type.getAnnotatedType().isAnnotationPresent(LocalSignInOnly.class);
        if (!keep) {
            type.veto();
        } else if (sso && type.getAnnotatedType().isAnnotationPresent(SingleSignOnDefinitions.class)) {
            // Added here, while the type is processed: the container's security extensions then see it as declared.
            var configurator = type.configureAnnotatedType();
            for (Annotation definition : type.getAnnotatedType().getAnnotation(SingleSignOnDefinitions.class).value().getAnnotations()) {
                if (!META.contains(definition.annotationType())) {
                    configurator.add(definition);
                }
            }
        }
        LOG.fine(() -> (keep ? "keeping " : "removing ") + type.getAnnotatedType().getJavaClass().getName()
                + (sso ? " (single sign-on)" : " (local sign-in)"));
    }
}
