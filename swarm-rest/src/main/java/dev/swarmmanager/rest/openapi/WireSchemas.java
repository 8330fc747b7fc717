package dev.swarmmanager.rest.openapi;

import dev.swarmmanager.domain.Phrase;
import dev.swarmmanager.rest.json.JsonMapping;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.lang.reflect.WildcardType;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;

/**
 * JSON schemas of the answers as {@link JsonMapping} writes them, derived from the Java types themselves so the
 * document cannot drift from the wire: a record is an object of its components under snake_case names, every one
 * present and, unless primitive, possibly null; an enum is its wire words; a time is an ISO-8601 string; a map is
 * an object of its values. Schemas are plain maps, as the document's YAML holds them: the build writes them into the
 * static document ({@code StaticDocument}).
 */
public final class WireSchemas {

    static final String REF = "#/components/schemas/";

    /** Named schemas so far, by name, in a stable order. */
    private final Map<String, Map<String, Object>> components = new TreeMap<>();
    private final Map<String, Class<?>> named = new LinkedHashMap<>();

    public Map<String, Map<String, Object>> components() {
        return components;
    }

    /**
     * The envelope of a successful answer carrying {@code types} (one of them when several) and its name:
     * {@code SwarmServiceAnswer}, {@code SwarmServiceListAnswer}, {@code ServiceWriteResultOrStackPlanAnswer}.
     */
    public String answer(List<Class<?>> types, boolean list) {
        if (types.isEmpty()) {
            throw new IllegalArgumentException("an answer needs at least one type");
        }
        List<String> names = new ArrayList<>();
        List<Map<String, Object>> schemas = new ArrayList<>();
        for (Class<?> type : types) {
            schemas.add(schema(type));
            names.add(nameOf(type));
        }
        Map<String, Object> item = schemas.size() == 1 ? schemas.get(0) : Map.of("oneOf", schemas);
        String name = String.join("Or", names) + (list ? "ListAnswer" : "Answer");
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("success", Map.of("type", "boolean", "enum", List.of(true)));
        List<String> required = new ArrayList<>(List.of("success", "data"));
        if (list) {
            properties.put("data", Map.of("type", "array", "items", item));
            properties.put("count", Map.of("type", "integer", "format", "int32", "description", "the number of items in data"));
            properties.put("total", Map.of("type", "integer", "format", "int64",
                    "description", "on one page of a longer list (asked for with page or size), how many the whole list holds"));
            properties.put("page", Map.of("type", "integer", "format", "int32", "description", "on one page of a longer list, its number, from 0"));
            properties.put("size", Map.of("type", "integer", "format", "int32", "description", "on one page of a longer list, the most entries a page holds"));
            required.add("count");
        } else {
            properties.put("data", item);
        }
        Map<String, Object> envelope = new LinkedHashMap<>();
        envelope.put("type", "object");
        envelope.put("required", required);
        envelope.put("properties", properties);
        envelope.put("additionalProperties", false);
        components.put(name, envelope);
        return name;
    }

    /** The schema of a value of {@code type}: inline for plain values, a reference to a named one for records. */
    public Map<String, Object> schema(Type type) {
        if (type instanceof ParameterizedType parameterized && parameterized.getRawType() instanceof Class<?> raw) {
            Type[] arguments = parameterized.getActualTypeArguments();
            if (Collection.class.isAssignableFrom(raw)) {
                return Map.of("type", "array", "items", schema(arguments[0]));
            }
            if (Map.class.isAssignableFrom(raw)) {
                // A map's values may be null (a stack version keeps a secret variable's name, not its value).
                Map<String, Object> values = schema(arguments[1]);
                return Map.of("type", "object", "additionalProperties", values.containsKey("type") ? with(values, "nullable", true) : values);
            }
            if (raw == Optional.class) {
                return schema(arguments[0]);
            }
            throw new IllegalArgumentException("no JSON schema for " + type);
        }
        if (type instanceof WildcardType wildcard) {
            return schema(wildcard.getUpperBounds()[0]);
        }
        if (type instanceof GenericArrayType array) {
            return Map.of("type", "array", "items", schema(array.getGenericComponentType()));
        }
        if (!(type instanceof Class<?> type1)) {
            throw new IllegalArgumentException("no JSON schema for " + type);
        }
        Class<?> c = type1;
        if (c == String.class || c == char.class || c == Character.class || c == Phrase.class) {
            return Map.of("type", "string"); // a phrase is written as its sentence in the reader's language
        }
        if (c == UUID.class) {
            return Map.of("type", "string", "format", "uuid");
        }
        if (c == boolean.class || c == Boolean.class) {
            return Map.of("type", "boolean");
        }
        if (c == int.class || c == Integer.class || c == short.class || c == Short.class || c == byte.class || c == Byte.class) {
            return Map.of("type", "integer", "format", "int32");
        }
        if (c == long.class || c == Long.class) {
            return Map.of("type", "integer", "format", "int64");
        }
        if (c == double.class || c == Double.class) {
            return Map.of("type", "number", "format", "double");
        }
        if (c == float.class || c == Float.class) {
            return Map.of("type", "number", "format", "float");
        }
        if (c == Instant.class || c == OffsetDateTime.class || c == ZonedDateTime.class) {
            return Map.of("type", "string", "format", "date-time");
        }
        if (c == LocalDate.class) {
            return Map.of("type", "string", "format", "date");
        }
        if (c == Duration.class) {
            return Map.of("type", "string", "description", "an ISO-8601 duration, such as PT30S");
        }
        if (c.isEnum()) {
            // The mapping writes an enum as its toString(), Docker's word for it.
            return Map.of("type", "string", "enum", Arrays.stream(c.getEnumConstants()).map(Object::toString).toList());
        }
        if (JsonObject.class.isAssignableFrom(c)) {
            return Map.of("type", "object", "description", "a JSON object as Docker writes it");
        }
        if (c == Object.class || JsonValue.class.isAssignableFrom(c)) {
            return Map.of("description", "any JSON value");
        }
        if (c.isArray()) {
            return Map.of("type", "array", "items", schema(c.getComponentType()));
        }
        if (Collection.class.isAssignableFrom(c) || Map.class.isAssignableFrom(c)) {
            throw new IllegalArgumentException("a raw " + c.getSimpleName() + " has no JSON schema; give its type arguments");
        }
        if (c.isRecord() || c.isSealed()) {
            return Map.of("$ref", REF + define(c));
        }
        throw new IllegalArgumentException("no JSON schema for " + c.getName() + ": answers are records");
    }

    private String define(Class<?> type) {
        String name = nameOf(type);
        Class<?> holder = named.putIfAbsent(name, type);
        if (holder != null) {
            if (holder != type) {
                throw new IllegalStateException("two answer types are both named " + name + ": " + holder.getName()
                        + " and " + type.getName());
            }
            return name;
        }
        components.put(name, Map.of()); // reserved first: a record may hold itself
        components.put(name, type.isSealed() ? oneOf(type) : object(type));
        return name;
    }

    private Map<String, Object> oneOf(Class<?> sealed) {
        return Map.of("oneOf", Arrays.stream(sealed.getPermittedSubclasses()).map(this::schema).toList());
    }

    private Map<String, Object> object(Class<?> record) {
        Map<String, Object> properties = new TreeMap<>();
        for (RecordComponent component : record.getRecordComponents()) {
            Map<String, Object> schema = schema(component.getGenericType());
            if (!component.getType().isPrimitive()) {
                // The mapping writes nulls. In OpenAPI 3.0 a reference cannot be nullable beside its $ref, and nullable
                // needs a type.
                if (schema.containsKey("$ref")) {
                    schema = Map.of("type", "object", "nullable", true, "allOf", List.of(schema));
                } else if (schema.containsKey("type")) {
                    schema = with(schema, "nullable", true);
                } // else any JSON value, null among them

            }
            properties.put(wireName(component.getName()), schema);
        }
        Map<String, Object> object = new LinkedHashMap<>();
        object.put("type", "object");
        object.put("properties", properties);
        object.put("additionalProperties", false);
        return object;
    }

    private static Map<String, Object> with(Map<String, Object> schema, String key, Object value) {
        Map<String, Object> copy = new LinkedHashMap<>(schema);
        copy.put(key, value);
        return copy;
    }

    static String nameOf(Class<?> type) {
        return type.getSimpleName();
    }

    /**
     * A Java name as JSON-B's {@code LOWER_CASE_WITH_UNDERSCORES} writes it: lower case, with an underscore before
     * each capital that follows a lower-case letter ({@code desiredReplicas} → {@code desired_replicas}, but
     * {@code ipv4Address} → {@code ipv4address} and {@code someURL} → {@code some_url}).
     */
    static String wireName(String javaName) {
        StringBuilder wire = new StringBuilder(javaName.length() + 4);
        for (int i = 0; i < javaName.length(); i++) {
            char c = javaName.charAt(i);
            if (i > 0 && Character.isUpperCase(c) && Character.isLowerCase(javaName.charAt(i - 1))) {
                wire.append('_');
            }
            wire.append(Character.toLowerCase(c));
        }
        return wire.toString();
    }
}
