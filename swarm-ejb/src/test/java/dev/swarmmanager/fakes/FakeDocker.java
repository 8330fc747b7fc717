package dev.swarmmanager.fakes;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.dockerjava.api.DockerClient;
import java.lang.reflect.Proxy;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * A docker-java client for unit tests: {@code answer("listSwarmNodesCmd", result)} makes that command's
 * {@code exec()} return the result, whatever options were set on it; a command with no answer fails the
 * test, which is how a test proves that nothing reached Docker.
 */
public class FakeDocker {

    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private final Map<String, Supplier<Object>> answers = new HashMap<>();
    private final Map<String, Integer> calls = new HashMap<>();

    public FakeDocker answer(String command, Object result) {
        answers.put(command, () -> result);
        return this;
    }

    public FakeDocker fail(String command, RuntimeException failure) {
        answers.put(command, () -> {
            throw failure;
        });
        return this;
    }

    public int calls(String command) {
        return calls.getOrDefault(command, 0);
    }

    public int totalCalls() {
        return calls.values().stream().mapToInt(Integer::intValue).sum();
    }

    /** docker-java models from the Engine's own JSON, as captured from the lab. */
    public static <T> T model(String json, Class<T> type) {
        try {
            return JSON.readValue(json, type);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    public static <T> java.util.List<T> models(String jsonArray, Class<T> type) {
        try {
            return JSON.readValue(jsonArray, JSON.getTypeFactory().constructCollectionType(java.util.List.class, type));
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    public DockerClient client() {
        return (DockerClient) Proxy.newProxyInstance(DockerClient.class.getClassLoader(), new Class<?>[] {DockerClient.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("close")) {
                        return null;
                    }
                    Class<?> commandType = method.getReturnType();
                    String name = method.getName();
                    return Proxy.newProxyInstance(commandType.getClassLoader(), new Class<?>[] {commandType},
                            (command, m, a) -> {
                                if (m.getName().equals("exec") && (a == null || a.length == 0)) {
                                    calls.merge(name, 1, Integer::sum);
                                    Supplier<Object> answer = answers.get(name);
                                    if (answer == null) {
                                        throw new AssertionError("unexpected Docker call " + name);
                                    }
                                    return answer.get();
                                }
                                if (m.getReturnType().isAssignableFrom(commandType)) {
                                    return command; // fluent option setters
                                }
                                if (m.getName().equals("close")) {
                                    return null;
                                }
                                throw new UnsupportedOperationException(name + "." + m.getName());
                            });
                });
    }
}
