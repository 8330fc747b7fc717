package dev.swarmmanager.audit.control;

import java.lang.reflect.Method;
import java.util.Map;
import java.util.Optional;

/**
 * Finds which {@link Audited} method a denied call was aimed at. The container refuses the call before the bean or
 * its interceptors run, so the only trace of what was attempted is the denial's stack: it passes through the
 * container's proxy for the bean, a subclass of the bean class, in a frame named after the method.
 */
public final class Denial {

    private static final String PACKAGE = "dev.swarmmanager.";

    private Denial() {
    }

    /** The attempt a denial stopped, with the target the edge knows; empty if no audited method is on the stack. */
    public static Optional<Attempt> attempt(Throwable denial, String target) {
        for (StackTraceElement frame : denial.getStackTrace()) {
            if (!frame.getClassName().startsWith(PACKAGE)) {
                continue;
            }
            Optional<Method> audited = auditedMethod(frame);
            if (audited.isPresent()) {
                return Optional.of(new Attempt(Attempt.of(audited.get(), new Object[0]).action(), target, Map.of()));
            }
        }
        return Optional.empty();
    }

    private static Optional<Method> auditedMethod(StackTraceElement frame) {
        Class<?> type;
        try {
            type = Class.forName(frame.getClassName(), false, Denial.class.getClassLoader());
        } catch (ClassNotFoundException | LinkageError e) {
            return Optional.empty();
        }
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            for (Method method : c.getDeclaredMethods()) {
                if (method.getName().equals(frame.getMethodName()) && method.isAnnotationPresent(Audited.class)) {
                    return Optional.of(method);
                }
            }
        }
        return Optional.empty();
    }
}
