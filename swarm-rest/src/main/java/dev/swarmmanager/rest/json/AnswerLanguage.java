package dev.swarmmanager.rest.json;

import dev.swarmmanager.domain.Phrase;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * The language of the answer being written: the reader's, from {@code Accept-Language}. A {@link Phrase} inside an
 * answer's data (a policy violation's reason in a dry run's plan) is written in it; errors say it in
 * {@code Content-Language}. Held for the thread that writes the answer, only while it writes it.
 */
public final class AnswerLanguage {

    private static final ThreadLocal<Locale> CURRENT = new ThreadLocal<>();

    private AnswerLanguage() {
    }

    /** The request's most wanted language we speak; English when none (or no request) says. */
    public static Locale of(HttpHeaders headers) {
        return headers == null ? Phrase.LANGUAGES.get(0) : of(headers::getAcceptableLanguages);
    }

    public static Locale of(ContainerRequestContext request) {
        return of(request::getAcceptableLanguages);
    }

    private static Locale of(Supplier<List<Locale>> acceptable) {
        try {
            return Phrase.language(acceptable.get());
        } catch (RuntimeException unreadable) {
            // an Accept-Language the runtime cannot parse: the answer is still an answer, in English
            return Phrase.LANGUAGES.get(0);
        }
    }

    /** Runs {@code writing} with phrases written in {@code language}. */
    public static <T> T during(Locale language, Supplier<T> writing) {
        Locale before = CURRENT.get();
        CURRENT.set(language);
        try {
            return writing.get();
        } finally {
            if (before == null) {
                CURRENT.remove();
            } else {
                CURRENT.set(before);
            }
        }
    }

    static Locale current() {
        Locale language = CURRENT.get();
        return language == null ? Phrase.LANGUAGES.get(0) : language;
    }
}
