package dev.swarmmanager.web;

import dev.swarmmanager.audit.boundary.AuditLog;
import dev.swarmmanager.domain.SwarmException;
import dev.swarmmanager.web.security.Caller;
import jakarta.ejb.EJBAccessException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import java.text.MessageFormat;
import java.util.ResourceBundle;
import java.util.function.Supplier;

/**
 * The one place where the UI turns an outcome into what the user reads: a success message from the bundle,
 * or the domain's error message as it is (it says what went wrong and what to do), or a refusal by the
 * caller's role (recorded in the audit log). Unexpected exceptions are left to OmniFaces'
 * FullAjaxExceptionHandler and the error page.
 */
@ApplicationScoped
public class Feedback {

    @Inject
    AuditLog audit;

    @Inject
    Caller caller;

    /** Runs {@code action}; on success shows {@code successKey} with {@code args}, on a domain failure its message. */
    public boolean run(Runnable action, String successKey, Object... args) {
        try {
            action.run();
            info(successKey, args);
            return true;
        } catch (SwarmException e) {
            error(e);
            return false;
        } catch (EJBAccessException e) {
            denied(e, args.length > 0 ? String.valueOf(args[0]) : null);
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
        } catch (EJBAccessException e) {
            denied(e, null);
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
        } catch (EJBAccessException e) {
            denied(e, null);
            return fallback;
        }
    }

    public void info(String key, Object... args) {
        FacesContext.getCurrentInstance().addMessage(null,
                new FacesMessage(FacesMessage.SEVERITY_INFO, text(key, args), null));
    }

    public void error(SwarmException e) {
        FacesContext context = FacesContext.getCurrentInstance();
        String message = e.messageIn(context.getViewRoot() == null ? context.getExternalContext().getRequestLocale()
                : context.getViewRoot().getLocale());
        boolean shown = context.getMessageList().stream().anyMatch(m -> message.equals(m.getSummary()));
        if (!shown) {
            context.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, message, null));
        }
        context.validationFailed(); // keeps a dialog open on a failed action
    }

    public void errorText(String message) {
        FacesContext context = FacesContext.getCurrentInstance();
        context.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, message, null));
        context.validationFailed();
    }

    /** A problem with one field, shown next to it; the dialog stays open. */
    public void fieldError(String clientId, String message) {
        FacesContext context = FacesContext.getCurrentInstance();
        context.addMessage(clientId, new FacesMessage(FacesMessage.SEVERITY_ERROR, message, null));
        context.validationFailed();
    }

    /** The caller's role does not allow what they tried (the UI does not offer it, but a request can be forged). */
    private void denied(EJBAccessException e, String target) {
        audit.denied(e, target);
        errorText(text("denied", caller.getRole()));
    }

    public String text(String key, Object... args) {
        FacesContext context = FacesContext.getCurrentInstance();
        ResourceBundle bundle = context.getApplication().getResourceBundle(context, "msg");
        return args.length == 0 ? bundle.getString(key) : MessageFormat.format(bundle.getString(key), args);
    }
}
