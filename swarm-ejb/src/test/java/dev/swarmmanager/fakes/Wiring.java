package dev.swarmmanager.fakes;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Just enough of a container for the unit tests that drive a bean against the fake Engine ({@link FakeDocker},
 * {@link FakeEngine}): field injection by type, MicroProfile Config defaults (overridden by system properties),
 * {@code @PostConstruct}, and a recording {@link Event}. Timers and executors are inert and security is off here; the
 * integration tests run the beans in a real container instead ({@code dev.swarmmanager.lab.InContainer}).
 */
public final class Wiring {

    private final Map<Class<?>, Object> beans = new HashMap<>();
    // Beans fire from several threads at once (concurrent writes, the watch): a list that takes that.
    private final List<Object> events = new CopyOnWriteArrayList<>();

    public <T> Wiring with(Class<T> type, T instance) {
        beans.put(type, instance);
        return this;
    }

    /** Events the beans fired, oldest first. */
    public List<Object> events() {
        return events;
    }

    @SuppressWarnings("unchecked")
    public synchronized <T> T get(Class<T> type) {
        Object existing = beans.get(type);
        if (existing != null) {
            return (T) existing;
        }
        if (type == org.eclipse.microprofile.config.Config.class) {
            beans.put(type, systemPropertiesConfig());
            return (T) beans.get(type);
        }
        if (type == jakarta.security.enterprise.SecurityContext.class) {
            beans.put(type, allRolesCaller());
            return (T) beans.get(type);
        }
        if (type.isInterface()) {
            throw new IllegalStateException("no instance registered for " + type.getName());
        }
        try {
            var constructor = type.getDeclaredConstructor();
            constructor.setAccessible(true);
            T bean = constructor.newInstance();
            beans.put(type, bean);
            inject(bean);
            for (Method m : type.getDeclaredMethods()) {
                if (m.isAnnotationPresent(PostConstruct.class)) {
                    m.setAccessible(true);
                    m.invoke(bean);
                }
            }
            return bean;
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot wire " + type.getName(), e);
        }
    }

    private void inject(Object bean) throws IllegalAccessException {
        for (Class<?> c = bean.getClass(); c != Object.class; c = c.getSuperclass()) {
            for (Field f : c.getDeclaredFields()) {
                if (Modifier.isStatic(f.getModifiers())
                        || !(f.isAnnotationPresent(Inject.class) || f.isAnnotationPresent(Resource.class))) {
                    continue;
                }
                f.setAccessible(true);
                ConfigProperty config = f.getAnnotation(ConfigProperty.class);
                if (config != null) {
                    f.set(bean, configValue(config, f));
                } else if (f.getType() == Event.class) {
                    f.set(bean, recordingEvent());
                } else if (f.getType() == jakarta.enterprise.inject.Instance.class) {
                    f.set(bean, inert(f.getType())); // a request or other contextual lookup: none in this tier
                } else if (f.isAnnotationPresent(Resource.class) && !beans.containsKey(f.getType())) {
                    f.set(bean, inert(f.getType()));
                } else {
                    f.set(bean, get(f.getType()));
                }
            }
        }
    }

    private static Object configValue(ConfigProperty config, Field field) {
        String raw = System.getProperty(config.name());
        if (raw == null && !ConfigProperty.UNCONFIGURED_VALUE.equals(config.defaultValue())) {
            raw = config.defaultValue();
        }
        Class<?> type = field.getType();
        if (type == Optional.class) {
            return Optional.ofNullable(raw);
        }
        if (raw == null) {
            throw new IllegalStateException("no value for " + config.name());
        }
        if (type == String.class) {
            return raw;
        }
        if (type == int.class || type == Integer.class) {
            return Integer.parseInt(raw);
        }
        if (type == long.class || type == Long.class) {
            return Long.parseLong(raw);
        }
        if (type == boolean.class || type == Boolean.class) {
            return Boolean.parseBoolean(raw);
        }
        if (type == Duration.class) {
            return Duration.parse(raw);
        }
        throw new IllegalStateException("unsupported config type " + field.getGenericType());
    }

    private Event<?> recordingEvent() {
        return (Event<?>) Proxy.newProxyInstance(Event.class.getClassLoader(), new Class<?>[] {Event.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("fire")) {
                        events.add(args[0]);
                        return null;
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }

    /** MicroProfile Config as system properties: a missing key has no value, so the beans' own defaults apply. */
    private static Object systemPropertiesConfig() {
        return Proxy.newProxyInstance(Wiring.class.getClassLoader(), new Class<?>[] {org.eclipse.microprofile.config.Config.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "getOptionalValue" -> Optional.ofNullable(System.getProperty((String) args[0]))
                            .map(raw -> convert(raw, (Class<?>) args[1]));
                    case "getOptionalValues" -> Optional.ofNullable(System.getProperty((String) args[0]))
                            .map(raw -> List.of(raw.split(",")).stream().map(v -> convert(v.trim(), (Class<?>) args[1])).toList());
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    private static Object convert(String raw, Class<?> type) {
        if (type == Boolean.class) {
            return Boolean.parseBoolean(raw);
        }
        if (type == Long.class) {
            return Long.parseLong(raw);
        }
        if (type == Integer.class) {
            return Integer.parseInt(raw);
        }
        return raw;
    }

    /** The EJB tier's tests run with security off, as a caller in every role (an admin). */
    private static Object allRolesCaller() {
        return Proxy.newProxyInstance(Wiring.class.getClassLoader(), new Class<?>[] {jakarta.security.enterprise.SecurityContext.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "isCallerInRole" -> true;
                    case "getCallerPrincipal" -> null;
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    /** A container resource the test does not exercise (the TimerService: tests call the timeout directly). */
    private static Object inert(Class<?> type) {
        return Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (proxy, method, args) -> null);
    }

}
