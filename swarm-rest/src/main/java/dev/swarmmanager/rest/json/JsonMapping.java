package dev.swarmmanager.rest.json;

import dev.swarmmanager.domain.Phrase;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbConfig;
import jakarta.json.bind.config.PropertyNamingStrategy;
import jakarta.json.bind.config.PropertyOrderStrategy;
import jakarta.json.bind.config.PropertyVisibilityStrategy;
import jakarta.json.bind.serializer.JsonbSerializer;
import jakarta.json.bind.serializer.SerializationContext;
import jakarta.json.stream.JsonGenerator;
import jakarta.ws.rs.ext.ContextResolver;
import jakarta.ws.rs.ext.Provider;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Arrays;

/**
 * How our records look in JSON: snake_case names as the specification writes them ({@code overall_health},
 * {@code advertise_addr}), every field present even when null so clients see one schema, ISO-8601 times,
 * enums spelled as Docker spells them ({@code drain}, {@code replicated}), and a record's components and
 * nothing else (its derived helpers, such as {@code isReady()}, are not data).
 */
@Provider
public class JsonMapping implements ContextResolver<Jsonb> {

    private static final Jsonb JSONB = create();

    public static Jsonb create() {
        return JsonbBuilder.create(new JsonbConfig()
                .withPropertyNamingStrategy(PropertyNamingStrategy.LOWER_CASE_WITH_UNDERSCORES)
                .withNullValues(true)
                .withPropertyOrderStrategy(PropertyOrderStrategy.LEXICOGRAPHICAL)
                .withPropertyVisibilityStrategy(new RecordComponents())
                .withSerializers(new WireEnums(), new Phrases()));
    }

    @Override
    public Jsonb getContext(Class<?> type) {
        return JSONB;
    }

    /** Records are their components; other classes follow JSON-B's usual public-getter rule. */
    static final class RecordComponents implements PropertyVisibilityStrategy {
        @Override
        public boolean isVisible(Field field) {
            return field.getDeclaringClass().isRecord() || Modifier.isPublic(field.getModifiers());
        }

        @Override
        public boolean isVisible(Method method) {
            Class<?> type = method.getDeclaringClass();
            if (type.isRecord()) {
                return Arrays.stream(type.getRecordComponents()).anyMatch(c -> c.getAccessor().equals(method));
            }
            return Modifier.isPublic(method.getModifiers());
        }
    }

    /** A phrase in the data (a policy violation's reason) is its sentence in the answer's language. */
    static final class Phrases implements JsonbSerializer<Phrase> {
        @Override
        public void serialize(Phrase value, JsonGenerator generator, SerializationContext context) {
            generator.write(value.in(AnswerLanguage.current()));
        }
    }

    /** Our enums' {@code toString()} is their wire word. */
    @SuppressWarnings("rawtypes")
    static final class WireEnums implements JsonbSerializer<Enum> {
        @Override
        public void serialize(Enum value, JsonGenerator generator, SerializationContext context) {
            generator.write(value.toString());
        }
    }
}
