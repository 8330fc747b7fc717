package dev.swarmmanager.web;

import dev.swarmmanager.security.LocalAccounts;
import dev.swarmmanager.security.SignInMechanism;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.SecurityContext;
import jakarta.security.enterprise.credential.Password;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;

import static jakarta.security.enterprise.authentication.mechanism.http.AuthenticationParameters.withParams;

/** The local sign-in page. */
@Named
@RequestScoped
public class SignInView {

    @Inject
    SecurityContext security;

    @Inject
    Feedback feedback;

    @Inject
    LocalAccounts accounts;

    private String user;
    private String password;

    public void signIn() throws IOException {
        FacesContext faces = FacesContext.getCurrentInstance();
        ExternalContext external = faces.getExternalContext();
        AuthenticationStatus status = security.authenticate((HttpServletRequest) external.getRequest(),
                (HttpServletResponse) external.getResponse(),
                withParams().credential(new UsernamePasswordCredential(user, new Password(password))));
        password = null;
        switch (status) {
            case SUCCESS -> {
                Object original = external.getSessionMap().remove(SignInMechanism.SESSION_ORIGINAL_URL);
                external.redirect(original instanceof String url && url.startsWith(external.getRequestContextPath() + "/")
                        ? url : external.getRequestContextPath() + "/");
            }
            case SEND_CONTINUE -> faces.responseComplete();
            default -> {
                Duration wait = accounts.retryAfter(user == null ? "" : user);
                feedback.errorText(wait.isZero() ? feedback.text("signIn.failed")
                        : feedback.text("signIn.throttled", Math.max(1, wait.toSeconds())));
            }
        }
    }

    public String getUser() {
        return user;
    }

    public void setUser(String user) {
        this.user = user;
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }
}
