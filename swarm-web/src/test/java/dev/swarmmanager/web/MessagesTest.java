package dev.swarmmanager.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Every label of the UI exists in every language, with the same placeholders, read as the server reads it. */
class MessagesTest {

    private static final String BASE = "dev.swarmmanager.web.messages";
    /** The languages of faces-config.xml's supported-locale, besides the default (English). */
    private static final List<Locale> LANGUAGES = List.of(Locale.GERMAN);
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\d[^}]*}");

    private static ResourceBundle bundle(Locale locale) {
        return ResourceBundle.getBundle(BASE, locale, ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    private static Set<String> placeholders(String text) {
        Set<String> found = new TreeSet<>();
        Matcher m = PLACEHOLDER.matcher(text);
        while (m.find()) {
            found.add(m.group());
        }
        return found;
    }

    private static Set<String> ownKeys(Locale language) {
        java.util.Properties own = new java.util.Properties();
        String file = "/" + BASE.replace('.', '/') + "_" + language.getLanguage() + ".properties";
        try (var in = MessagesTest.class.getResourceAsStream(file)) {
            assertThat(in).as(file).isNotNull();
            own.load(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return own.stringPropertyNames();
    }

    @Test
    void everyLanguageHasEveryKeyWithTheSamePlaceholders() {
        ResourceBundle english = bundle(Locale.ROOT);
        for (Locale language : LANGUAGES) {
            ResourceBundle other = bundle(language);
            assertThat(other.getLocale()).as("a bundle of its own for " + language).isEqualTo(language);
            // The file's own keys: the bundle's would include English ones inherited from the base bundle.
            assertThat(new TreeSet<>(ownKeys(language))).as("keys of " + language).isEqualTo(new TreeSet<>(english.keySet()));
            List<String> wrong = new ArrayList<>();
            for (String key : english.keySet()) {
                String text = other.getString(key);
                if (text.isBlank() || !placeholders(text).equals(placeholders(english.getString(key)))) {
                    wrong.add(key + ": " + text);
                }
            }
            assertThat(wrong).as("empty texts or placeholders that differ from English, " + language).isEmpty();
            long translated = english.keySet().stream().filter(k -> !other.getString(k).equals(english.getString(k))).count();
            assertThat(translated).as("texts of " + language + " that differ from English").isGreaterThan(english.keySet().size() * 9L / 10);
        }
    }

    @Test
    void theGermanBundleIsReadAsUtf8AndAnUnknownLanguageGetsEnglish() {
        assertThat(bundle(Locale.GERMAN).getString("nav.dashboard")).isEqualTo("Übersicht");
        assertThat(ResourceBundle.getBundle(BASE, Locale.GERMANY).getString("common.close")).isEqualTo("Schließen");
        assertThat(bundle(Locale.FRENCH).getString("nav.services")).isEqualTo("Services");
    }
}
