package dev.swarmmanager.rest.json;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * What an operation's successful answer carries in {@code data}, so the OpenAPI document can say it: resource
 * methods return the untyped {@code Envelope}, and the schema Payara would derive from a record itself would use
 * its Java names, not the snake_case our JSON mapping writes. {@code openapi.AnswerSchemas} reads this and writes the
 * schema of every 2xx JSON answer of the operation from the very records the mapping serialises.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Answer {

    /** The type of {@code data}; several when the answer is one of them (a dry run's plan or the result). */
    Class<?>[] value();

    /** {@code data} is a list of them, with {@code count} (and {@code total}, {@code page}, {@code size} when paged). */
    boolean list() default false;
}
