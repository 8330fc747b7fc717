package dev.swarmmanager.domain;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * A sentence for the user: a key of the API's message bundle ({@code errors.properties}, German in
 * {@code errors_de.properties}) and its arguments. Code states what happened with a phrase; only the edge (the REST
 * layer, the UI) renders it, in the reader's language. {@link #toString()} is the English sentence, which is also
 * what logs and the audit log keep.
 *
 * <p>Placeholders {@code {0}} to {@code {9}} are replaced as they stand, without {@link java.text.MessageFormat}:
 * an apostrophe needs no doubling, and a number is written as given (port 8080, not 8.080, in German). An argument
 * that is itself a phrase is rendered in the same language; anything else by {@link String#valueOf(Object)}.
 */
public record Phrase(String key, List<Serializable> args) implements Serializable {

    /** The languages the API answers in; the first is the default, and the base bundle's. */
    public static final List<Locale> LANGUAGES = List.of(Locale.ENGLISH, Locale.GERMAN);

    static final String BUNDLE = "dev.swarmmanager.domain.errors";

    // The base bundle is English; no fallback to the JVM's default locale, which may be anything on a server.
    private static final ResourceBundle.Control CONTROL =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

    public Phrase {
        args = List.copyOf(args);
    }

    public static Phrase of(String key, Object... args) {
        List<Serializable> kept = new ArrayList<>(args.length);
        for (Object arg : args) {
            kept.add(arg instanceof Phrase || arg instanceof Joined ? (Serializable) arg : String.valueOf(arg));
        }
        return new Phrase(key, kept);
    }

    /**
     * An argument made of many phrases, written one after the other with {@code separator} between them (a refusal's
     * violations): flat, however many there are.
     */
    public static Serializable joined(List<Phrase> items, String separator) {
        return new Joined(List.copyOf(items), separator);
    }

    private record Joined(List<Phrase> items, String separator) implements Serializable {
    }

    /** The sentence in {@code language}, or in English when we do not speak it. */
    public String in(Locale language) {
        String pattern;
        try {
            pattern = ResourceBundle.getBundle(BUNDLE, supported(language), Phrase.class.getClassLoader(), CONTROL).getString(key);
        } catch (MissingResourceException e) {
            // ApiMessagesTest keeps this from happening; if it does, the key and its arguments still say something.
            StringBuilder fallback = new StringBuilder(key);
            for (int i = 0; i < args.size(); i++) {
                fallback.append(" {").append(i).append('}');
            }
            pattern = fallback.toString();
        }
        StringBuilder out = new StringBuilder(pattern.length() + 32);
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if (c == '{' && i + 2 < pattern.length() && Character.isDigit(pattern.charAt(i + 1)) && pattern.charAt(i + 2) == '}') {
                int index = pattern.charAt(i + 1) - '0';
                out.append(index < args.size() ? render(args.get(index), language) : "{" + index + "}");
                i += 2;
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static String render(Serializable arg, Locale language) {
        if (arg instanceof Joined joined) {
            StringBuilder out = new StringBuilder();
            for (Phrase item : joined.items()) {
                out.append(out.isEmpty() ? "" : joined.separator()).append(item.in(language));
            }
            return out.toString();
        }
        return arg instanceof Phrase phrase ? phrase.in(language) : (String) arg;
    }

    /** The first language of {@code acceptable} (most wanted first, as HTTP's {@code Accept-Language}) we speak. */
    public static Locale language(Iterable<Locale> acceptable) {
        for (Locale wanted : acceptable) {
            for (Locale ours : LANGUAGES) {
                if (ours.getLanguage().equals(wanted.getLanguage())) {
                    return ours;
                }
            }
        }
        return LANGUAGES.get(0);
    }

    private static Locale supported(Locale language) {
        Locale chosen = language(List.of(language == null ? Locale.ROOT : language));
        return chosen.equals(LANGUAGES.get(0)) ? Locale.ROOT : chosen;
    }

    @Override
    public String toString() {
        return in(Locale.ROOT);
    }
}
