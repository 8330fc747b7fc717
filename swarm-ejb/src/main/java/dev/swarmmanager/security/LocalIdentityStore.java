package dev.swarmmanager.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;
import java.util.Set;

/** Local mode's identity store: checks a user name and password against {@link LocalAccounts}. */
@ApplicationScoped
@LocalSignInOnly
public class LocalIdentityStore implements IdentityStore {

    @Inject
    LocalAccounts accounts;

    public CredentialValidationResult validate(UsernamePasswordCredential credential) {
        return accounts.verify(credential.getCaller(), credential.getPassword().getValue()) instanceof SignInCheck.Verified v
                ? new CredentialValidationResult(credential.getCaller(), Set.of(v.groups()))
                : CredentialValidationResult.INVALID_RESULT;
    }

    @Override
    public Set<ValidationType> validationTypes() {
        return Set.of(ValidationType.VALIDATE);
    }
}
