package dev.swarmmanager.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The API's messages: both languages complete, and a phrase rendered as the reader asked. */
class PhraseTest {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\d}");

    private static Properties file(String name) {
        Properties keys = new Properties();
        try (InputStream in = PhraseTest.class.getResourceAsStream("/dev/swarmmanager/domain/" + name)) {
            assertThat(in).as(name).isNotNull();
            keys.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return keys;
    }

    /** The placeholders a text uses (a translation may name an argument more often than English does). */
    private static Set<String> placeholders(String text) {
        Set<String> found = new TreeSet<>();
        Matcher m = PLACEHOLDER.matcher(text);
        while (m.find()) {
            found.add(m.group());
        }
        return found;
    }

    @Test
    void germanHasEveryKeyOfEnglishWithTheSamePlaceholders() {
        Properties english = file("errors.properties");
        Properties german = file("errors_de.properties");
        assertThat(german.stringPropertyNames()).isEqualTo(english.stringPropertyNames());
        List<String> wrong = new ArrayList<>();
        for (String key : english.stringPropertyNames()) {
            String text = german.getProperty(key);
            if (text.isBlank() || !placeholders(text).equals(placeholders(english.getProperty(key)))) {
                wrong.add(key + "=" + text);
            }
        }
        assertThat(wrong).as("empty, or placeholders that differ from English").isEmpty();
        long translated = english.stringPropertyNames().stream().filter(k -> !german.getProperty(k).equals(english.getProperty(k))).count();
        // Those left as they are only join other phrases ({0} {1}) or hold Docker's own words.
        assertThat(translated).isGreaterThan(english.size() * 95L / 100);
    }

    @Test
    void aPhraseIsWrittenInTheReadersLanguageWithItsArgumentsAsGiven() {
        Phrase missing = Phrase.of("lookup.not-found", ResourceNotFoundException.kind("service"), "web");
        assertThat(missing.in(Locale.ENGLISH)).isEqualTo("service 'web' not found");
        assertThat(missing.in(Locale.GERMAN)).isEqualTo("Dienst 'web' nicht gefunden");
        assertThat(missing.in(Locale.GERMANY)).as("a country adds nothing").isEqualTo("Dienst 'web' nicht gefunden");
        assertThat(missing.in(Locale.FRENCH)).as("a language we do not speak is English").isEqualTo("service 'web' not found");
        assertThat(missing).hasToString("service 'web' not found");
        // a number is written as given (no 8.080 in German), a quote once, and a placeholder-like argument stays as it is
        assertThat(Phrase.of("compose.port-number", 80800).in(Locale.GERMAN)).isEqualTo("muss ein Port von 1 bis 65535 sein (erhalten: 80800)");
        assertThat(Phrase.of("compose.whole-number", "{0}").in(Locale.ENGLISH)).isEqualTo("must be a whole number (got '{0}')");
    }

    @Test
    void anExceptionKeepsEnglishForTheLogAndSpeaksTheReadersLanguage() {
        InvalidRequestException e = new InvalidRequestException("replicas", "number.between-got", 0, 100, 250);
        assertThat(e).hasMessage("replicas must be between 0 and 100 (got 250)");
        assertThat(e.messageIn(Locale.GERMAN)).isEqualTo("replicas muss zwischen 0 und 100 liegen (erhalten: 250)");
        PolicyViolationException refused = new PolicyViolationException(List.of(
                new PolicyViolation("capabilities", "services.c.cap_add[0]", "ALL", Phrase.of("policy.prune"), true, null)), true);
        assertThat(refused.messageIn(Locale.GERMAN)).isEqualTo("die Deployment-Richtlinie erlaubt das Ihrer Rolle nicht: capabilities: services.c.cap_add[0]: ALL "
                + "(prune würde Dienste entfernen, was nur Admins dürfen)");
    }

    @Test
    void thousandsOfViolationsAreWrittenFlatInOneMessage() {
        List<PolicyViolation> many = new ArrayList<>();
        for (int i = 0; i < 20_000; i++) {
            many.add(new PolicyViolation("capabilities", "services.s" + i + ".cap_add[0]", "ALL", Phrase.of("policy.prune"), true, null));
        }
        PolicyViolationException refused = new PolicyViolationException(many, false);
        String german = refused.messageIn(Locale.GERMAN);
        assertThat(german).startsWith("die Deployment-Richtlinie erlaubt das nicht: capabilities: services.s0.cap_add[0]: ALL (")
                .endsWith("services.s19999.cap_add[0]: ALL (prune würde Dienste entfernen, was nur Admins dürfen)");
        assertThat(german.split("; ")).hasSize(20_000);
    }

    @Test
    void theLanguageIsTheFirstOfTheReadersWeSpeak() {
        assertThat(Phrase.language(List.of(Locale.FRENCH, Locale.GERMAN, Locale.ENGLISH))).isEqualTo(Locale.GERMAN);
        assertThat(Phrase.language(List.of(Locale.forLanguageTag("de-AT")))).isEqualTo(Locale.GERMAN);
        assertThat(Phrase.language(List.of(Locale.FRENCH))).isEqualTo(Locale.ENGLISH);
        assertThat(Phrase.language(List.of())).isEqualTo(Locale.ENGLISH);
    }

    @Test
    void anUnknownKeyStillSaysSomething() {
        assertThat(Phrase.of("no.such-key", "a", 2).in(Locale.GERMAN)).isEqualTo("no.such-key a 2");
    }
}
