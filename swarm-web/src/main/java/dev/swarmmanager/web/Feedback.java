package dev.swarmmanager.web;

import dev.swarmmanager.domain.SwarmException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import java.text.MessageFormat;
import java.util.ResourceBundle;
import java.util.function.Supplier;

/**
 * The one place where the UI turns an outcome into what the user reads: a success message from the bundle,
 * or the domain's error message as it is (it says what went wrong and what to do). Unexpected exceptions are
 * left to OmniFaces' FullAjaxExceptionHandler and the error page.
 */
@ApplicationScoped
public class Feedback {

    /** Runs {@code action}; on success shows {@code successKey} with {@code args}, on a domain failure its message. */
    public boolean run(Runnable action, String successKey, Object... args) {
        try {
            action.run();
            info(successKey, args);
            return true;
        } catch (SwarmException e) {
            error(e);
            return false;
        }
    }

    /** Runs {@code action} and returns its result, or empty after showing a domain failure's message. */
    public <T> java.util.Optional<T> call(Supplier<T> action) {
        try {
            return java.util.Optional.ofNullable(action.get());
        } catch (SwarmException e) {
            error(e);
            return java.util.Optional.empty();
        }
    }

    /** Reads something to show; on a domain failure shows its message and returns {@code fallback}. */
    public <T> T load(Supplier<T> read, T fallback) {
        try {
            return read.get();
        } catch (SwarmException e) {
            error(e);
            return fallback;
        }
    }

    public void info(String key, Object... args) {
        FacesContext.getCurrentInstance().addMessage(null,
                new FacesMessage(FacesMessage.SEVERITY_INFO, text(key, args), null));
    }

    public void error(SwarmException e) {
        FacesContext context = FacesContext.getCurrentInstance();
        String message = e.getMessage();
        boolean shown = context.getMessageList().stream().anyMatch(m -> message.equals(m.getSummary()));
        if (!shown) {
            context.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, message, null));
        }
        context.validationFailed(); // keeps a dialog open on a failed action
    }

    public String text(String key, Object... args) {
        FacesContext context = FacesContext.getCurrentInstance();
        ResourceBundle bundle = context.getApplication().getResourceBundle(context, "msg");
        return args.length == 0 ? bundle.getString(key) : MessageFormat.format(bundle.getString(key), args);
    }
}
