package dev.swarmmanager.audit.control;

import jakarta.enterprise.util.Nonbinding;
import jakarta.interceptor.InterceptorBinding;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a method that changes the cluster: each call is written to the audit log with its outcome. The first
 * argument is the target (a name, or a {@link dev.swarmmanager.domain.StackDeployment}); the others become the
 * entry's parameters, by their names.
 */
@InterceptorBinding
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface Audited {

    /** The action's name, {@code area.verb}. */
    @Nonbinding
    String value() default "";
}
