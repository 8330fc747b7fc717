package dev.swarmmanager.rest.openapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.swarmmanager.rest.json.Answer;
import dev.swarmmanager.rest.json.Envelope;
import dev.swarmmanager.rest.json.JsonMapping;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.bind.Jsonb;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import java.io.IOException;
import java.io.StringReader;
import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.junit.jupiter.api.Test;

/**
 * The schemas the served document gives each answer are those of the JSON our mapping writes: a sample of every
 * answer type, serialised by {@link JsonMapping}, is checked against its schema, both ways (no property the schema
 * lacks, none it names missing).
 */
class AnswerSchemasTest {

    /** Operations whose success is not a JSON envelope: a stream of events, a zip archive. */
    private static final Set<String> NOT_JSON = Set.of("follow", "exportCluster");

    private final WireSchemas schemas = new WireSchemas();
    private final Map<String, String> answers = AnswerSchemas.answers(AnswerSchemas.RESOURCES, schemas);
    private final Jsonb jsonb = JsonMapping.create();
    /** The schemas of the document as served: the hand-written part (which wins for a record it describes) and the derived. */
    private final Map<String, Map<String, Object>> served = servedSchemas();

    @SuppressWarnings("unchecked")
    private static Map<String, Map<String, Object>> servedSchemas() {
        try {
            Map<String, Object> document = new org.yaml.snakeyaml.Yaml().load(
                    StaticDocument.write(Files.readString(Paths.get("src/main/openapi/openapi.yaml"))));
            return (Map<String, Map<String, Object>>) ((Map<String, Object>) document.get("components")).get("schemas");
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void theListOfResourcesIsEveryPathClassOfTheModule() throws IOException {
        var classes = Paths.get("target/classes");
        Set<String> found;
        try (Stream<java.nio.file.Path> files = Files.walk(classes)) {
            found = files.filter(f -> f.toString().endsWith(".class") && !f.getFileName().toString().contains("$"))
                    .map(f -> classes.relativize(f).toString().replace('/', '.').replaceAll("\\.class$", ""))
                    .filter(name -> load(name).isAnnotationPresent(Path.class))
                    .collect(Collectors.toCollection(TreeSet::new));
        }
        assertThat(found).isNotEmpty();
        Set<String> listed = AnswerSchemas.RESOURCES.stream().map(Class::getName).collect(Collectors.toCollection(TreeSet::new));
        assertThat(listed).isEqualTo(found);
    }

    @Test
    void everyOperationAnsweringJsonSaysWhatItAnswers() {
        List<String> untyped = new ArrayList<>();
        for (Class<?> resource : AnswerSchemas.RESOURCES) {
            for (Method method : resource.getDeclaredMethods()) {
                boolean operation = Stream.of(GET.class, POST.class, PUT.class, PATCH.class, DELETE.class)
                        .anyMatch(method::isAnnotationPresent);
                String id = AnswerSchemas.operationId(method);
                if (operation && !NOT_JSON.contains(id) && !answers.containsKey(id)) {
                    untyped.add(resource.getSimpleName() + "." + method.getName());
                }
            }
        }
        assertThat(untyped).as("resource methods without @Answer").isEmpty();
        assertThat(answers).containsEntry("listServices", "SwarmServiceListAnswer")
                .containsEntry("inspectService", "SwarmServiceAnswer")
                .containsEntry("editService", "EditPreviewOrServiceWriteResultAnswer");
    }

    @Test
    void everyAnswerTypeIsWrittenAsItsSchemaSays() {
        int checked = 0;
        for (Class<?> resource : AnswerSchemas.RESOURCES) {
            for (Method method : resource.getDeclaredMethods()) {
                Answer answer = method.getAnnotation(Answer.class);
                if (answer == null) {
                    continue;
                }
                for (Class<?> type : answer.value()) {
                    Object sample = sample(type, 0);
                    String wrapper = answers.get(AnswerSchemas.operationId(method));
                    String where = resource.getSimpleName() + "." + method.getName();
                    // The envelopes the resources really send: one item, a whole list, a page of one.
                    List<Envelope> sent = answer.list()
                            ? List.of(Envelope.of(List.of(sample)), Envelope.page(List.of(sample), 7, 0, 1))
                            : List.of(Envelope.of(sample));
                    for (Envelope envelope : sent) {
                        check(Json.createReader(new StringReader(jsonb.toJson(envelope))).readValue(), served.get(wrapper), where);
                    }
                    checked++;
                }
            }
        }
        assertThat(checked).isGreaterThan(80);
    }

    @Test
    void eachSuccessfulJsonAnswerNamesItsEnvelopeInTheAnnotations() {
        List<String> wrong = new ArrayList<>();
        int named = 0;
        for (Class<?> resource : AnswerSchemas.RESOURCES) {
            for (Method method : resource.getDeclaredMethods()) {
                String expected = answers.get(AnswerSchemas.operationId(method));
                if (method.getAnnotation(Answer.class) == null) {
                    continue;
                }
                for (APIResponse response : method.getAnnotationsByType(APIResponse.class)) {
                    if (!response.responseCode().startsWith("2")) {
                        continue;
                    }
                    for (Content content : response.content()) {
                        if (content.mediaType().equals("application/json")) {
                            named++;
                            if (!content.schema().ref().equals(expected)) {
                                wrong.add(resource.getSimpleName() + "." + method.getName() + " " + response.responseCode()
                                        + ": " + content.schema().ref() + ", not " + expected);
                            }
                        }
                    }
                }
            }
        }
        assertThat(wrong).isEmpty();
        assertThat(named).isGreaterThan(80);
    }

    @Test
    @SuppressWarnings("unchecked")
    void theStaticDocumentHoldsTheHandWrittenPartAndEveryAnswer() throws IOException {
        String written = StaticDocument.write(Files.readString(Paths.get("src/main/openapi/openapi.yaml")));
        Map<String, Object> document = new org.yaml.snakeyaml.Yaml().load(written);
        Map<String, Object> components = (Map<String, Object>) ((Map<String, Object>) document.get("components")).get("schemas");
        assertThat(components).containsKeys("Error", "ScaleRequest", "SwarmServiceListAnswer", "SwarmService", "EditPreviewOrServiceWriteResultAnswer")
                .doesNotContainKey("Success");
        assertThat(components.keySet()).containsAll(answers.values());
        Map<String, Object> service = (Map<String, Object>) ((Map<String, Object>) components.get("SwarmService")).get("properties");
        assertThat(service).containsKeys("desired_replicas", "update_status");
    }

    @Test
    void namesAreWrittenAsTheMappingWritesThem() {
        JsonObject written = Json.createReader(new StringReader(jsonb.toJson(new Names("a", "b", "c", "d", "e")))).readObject();
        assertThat(written.keySet()).containsExactlyInAnyOrder(
                Stream.of(Names.class.getRecordComponents()).map(c -> WireSchemas.wireName(c.getName())).toArray(String[]::new));
    }

    @Test
    void aTypeWithoutAKnownShapeIsRefusedRatherThanGuessed() {
        try {
            schemas.schema(StringBuilder.class);
            fail("a class that is not a record has no schema");
        } catch (IllegalArgumentException expected) {
            assertThat(expected).hasMessageContaining("StringBuilder");
        }
    }

    public record Names(String desiredReplicas, String id, String ipv4Address, String updateStatusMessage, String someURL) {
    }

    @SuppressWarnings("unchecked")
    private void check(JsonValue value, Map<String, Object> schema, String where) {
        assertThat(schema).as("schema at " + where).isNotNull();
        if (schema.containsKey("$ref")) {
            String name = ((String) schema.get("$ref")).substring(WireSchemas.REF.length());
            check(value, served.get(name), where);
            return;
        }
        if (value == JsonValue.NULL) {
            assertThat(schema.get("nullable")).as(where + " is null: its schema must say nullable").isEqualTo(true);
            return;
        }
        if (schema.containsKey("allOf")) {
            for (Object part : (List<Object>) schema.get("allOf")) {
                check(value, (Map<String, Object>) part, where);
            }
            return;
        }
        if (schema.containsKey("oneOf")) {
            long matching = ((List<Object>) schema.get("oneOf")).stream().filter(part -> {
                try {
                    check(value, (Map<String, Object>) part, where);
                    return true;
                } catch (AssertionError e) {
                    return false;
                }
            }).count();
            assertThat(matching).as(where + " matches exactly one of its schemas").isEqualTo(1);
            return;
        }
        Object type = schema.get("type");
        if (type == null) {
            return; // any JSON value
        }
        switch ((String) type) {
            case "string" -> {
                assertThat(value).as(where).isInstanceOf(JsonString.class);
                if (schema.containsKey("enum")) {
                    assertThat((List<Object>) schema.get("enum")).as(where).contains(((JsonString) value).getString());
                }
            }
            case "integer" -> assertThat(value).as(where).isInstanceOfSatisfying(JsonNumber.class,
                    n -> assertThat(n.isIntegral()).as(where + " is whole").isTrue());
            case "number" -> assertThat(value).as(where).isInstanceOf(JsonNumber.class);
            case "boolean" -> assertThat(value).as(where).isIn(JsonValue.TRUE, JsonValue.FALSE);
            case "array" -> {
                assertThat(value).as(where).isInstanceOf(JsonArray.class);
                JsonArray array = (JsonArray) value;
                for (int i = 0; i < array.size(); i++) {
                    check(array.get(i), (Map<String, Object>) schema.get("items"), where + "[" + i + "]");
                }
            }
            case "object" -> {
                assertThat(value).as(where).isInstanceOf(JsonObject.class);
                JsonObject object = (JsonObject) value;
                Map<String, Object> properties = (Map<String, Object>) schema.get("properties");
                if (properties != null) {
                    if (schema.get("required") instanceof List<?> required) {
                        // An envelope: its paging properties are there only on a page.
                        assertThat(properties.keySet()).as("the properties of " + where).containsAll(object.keySet());
                        assertThat(object.keySet()).as("the properties of " + where).containsAll((List<String>) required);
                    } else {
                        // A record: the mapping writes every component, null or not.
                        assertThat(object.keySet()).as("the properties of " + where).isEqualTo(properties.keySet());
                    }
                    object.forEach((name, inner) -> check(inner, (Map<String, Object>) properties.get(name), where + "." + name));
                } else if (schema.get("additionalProperties") instanceof Map<?, ?> values) {
                    object.forEach((name, inner) -> check(inner, (Map<String, Object>) values, where + "." + name));
                }
            }
            default -> fail("unexpected type " + type + " at " + where);
        }
    }

    /** A value of {@code type} with every field filled, so that the mapping writes every property. */
    private static Object sample(Type type, int depth) {
        if (type instanceof ParameterizedType parameterized) {
            Class<?> raw = (Class<?>) parameterized.getRawType();
            Type[] arguments = parameterized.getActualTypeArguments();
            if (Set.class.isAssignableFrom(raw)) {
                return Set.of(sample(arguments[0], depth + 1));
            }
            if (Collection.class.isAssignableFrom(raw)) {
                return List.of(sample(arguments[0], depth + 1));
            }
            if (Map.class.isAssignableFrom(raw)) {
                return Map.of("key", sample(arguments[1], depth + 1));
            }
            if (raw == Optional.class) {
                return Optional.of(sample(arguments[0], depth + 1));
            }
        }
        Class<?> c = (Class<?>) (type instanceof ParameterizedType p ? p.getRawType() : type);
        if (c == String.class) {
            return "sample";
        }
        if (c == dev.swarmmanager.domain.Phrase.class) {
            return dev.swarmmanager.domain.Phrase.of("policy.prune"); // written as its sentence, a string
        }
        if (c == int.class || c == Integer.class) {
            return 1;
        }
        if (c == long.class || c == Long.class) {
            return 1L;
        }
        if (c == double.class || c == Double.class) {
            return 0.5;
        }
        if (c == boolean.class || c == Boolean.class) {
            return true;
        }
        if (c == Instant.class) {
            return Instant.parse("2026-11-30T10:00:00Z");
        }
        if (c == OffsetDateTime.class) {
            return OffsetDateTime.of(2026, 11, 30, 10, 0, 0, 0, ZoneOffset.UTC);
        }
        if (c == LocalDate.class) {
            return LocalDate.of(2026, 11, 30);
        }
        if (c == Duration.class) {
            return Duration.ofSeconds(30);
        }
        if (c.isEnum()) {
            return c.getEnumConstants()[0];
        }
        if (JsonObject.class.isAssignableFrom(c)) {
            return Json.createObjectBuilder().add("Name", "web").build();
        }
        if (c == JsonValue.class || c == Object.class) {
            return Json.createObjectBuilder().add("Name", "web").build();
        }
        if (c.isSealed()) {
            return sample(c.getPermittedSubclasses()[0], depth);
        }
        if (c.isRecord()) {
            if (depth > 4) {
                return null;
            }
            RecordComponent[] components = c.getRecordComponents();
            Object[] values = new Object[components.length];
            Class<?>[] types = new Class<?>[components.length];
            for (int i = 0; i < components.length; i++) {
                values[i] = sample(components[i].getGenericType(), depth + 1);
                types[i] = components[i].getType();
            }
            // A record may check its fields against each other: vary its flags and words until one is accepted.
            java.util.Random variation = new java.util.Random(components.length);
            ReflectiveOperationException refused = null;
            for (int attempt = 0; attempt < 200; attempt++) {
                try {
                    var constructor = c.getDeclaredConstructor(types);
                    constructor.setAccessible(true);
                    return constructor.newInstance(values);
                } catch (ReflectiveOperationException e) {
                    refused = e;
                }
                for (int i = 0; i < components.length; i++) {
                    if (types[i] == boolean.class || types[i] == Boolean.class) {
                        values[i] = variation.nextBoolean();
                    } else if (types[i].isEnum()) {
                        values[i] = types[i].getEnumConstants()[variation.nextInt(types[i].getEnumConstants().length)];
                    }
                }
            }
            throw new AssertionError("cannot make a sample " + c.getName() + ": " + refused.getCause(), refused);
        }
        throw new AssertionError("no sample for " + type);
    }

    private static Class<?> load(String name) {
        try {
            return Class.forName(name, false, AnswerSchemasTest.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new AssertionError(e);
        }
    }
}
