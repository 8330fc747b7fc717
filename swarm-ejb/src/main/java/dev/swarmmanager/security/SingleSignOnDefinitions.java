package dev.swarmmanager.security;

import java.lang.annotation.Annotation;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The definitions a {@link SingleSignOnOnly} bean carries only while single sign-on is on: the annotations of
 * {@link #value()} (an annotation type that holds them), which {@link SignInMode} adds to the bean then. Not on the
 * bean itself: Open Liberty installs an OpenID Connect mechanism for every type it sees with that definition, a
 * vetoed one included, and in local mode that mechanism took the UI's sign-ins.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface SingleSignOnDefinitions {

    Class<? extends Annotation> value();
}
