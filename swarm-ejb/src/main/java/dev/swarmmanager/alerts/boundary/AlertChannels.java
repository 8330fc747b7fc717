package dev.swarmmanager.alerts.boundary;

import dev.swarmmanager.alerts.control.Notifier;
import dev.swarmmanager.alerts.entity.AlertChannelRecord;
import dev.swarmmanager.audit.control.Audited;
import dev.swarmmanager.domain.Alert;
import dev.swarmmanager.domain.AlertChannel;
import dev.swarmmanager.domain.AlertChannelDraft;
import dev.swarmmanager.domain.AlertCondition;
import dev.swarmmanager.domain.HistoryKind;
import dev.swarmmanager.domain.InvalidRequestException;
import dev.swarmmanager.domain.ResourceNotFoundException;
import dev.swarmmanager.domain.Role;
import dev.swarmmanager.domain.Severity;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.security.enterprise.SecurityContext;
import java.security.Principal;
import java.time.Instant;
import java.util.List;

/** Where alerts go: admins only, also to read, since a webhook's URL carries its token. */
@Stateless
@RolesAllowed(Role.ADMIN_NAME)
public class AlertChannels {

    static final String CHANNEL = "alert channel";
    static final int MOST = 50;

    @PersistenceContext(unitName = "swarm")
    EntityManager entities;

    @Inject
    SecurityContext security;

    @Inject
    Notifier notifier;

    public List<AlertChannel> list() {
        return entities.createQuery("SELECT c FROM AlertChannelRecord c ORDER BY c.name", AlertChannelRecord.class).getResultList()
                .stream().map(AlertChannelRecord::channel).toList();
    }

    public AlertChannel get(String name) {
        return row(name).channel();
    }

    @Audited("alert-channels.set")
    public AlertChannel set(String name, AlertChannelDraft draft) {
        AlertChannel channel = draft.toChannel(name);
        AlertChannelRecord row = entities.find(AlertChannelRecord.class, name);
        if (row == null) {
            if (entities.createQuery("SELECT COUNT(c) FROM AlertChannelRecord c", Long.class).getSingleResult() >= MOST) {
                throw new InvalidRequestException(null, "alerts.too-many-channels", MOST);
            }
            row = new AlertChannelRecord();
            row.name = name;
            entities.persist(row);
        }
        Principal caller = security.getCallerPrincipal();
        row.take(channel, caller == null ? null : caller.getName());
        return row.channel();
    }

    @Audited("alert-channels.remove")
    public void remove(String name) {
        entities.remove(row(name));
    }

    /**
     * Sends a test message through the channel now, and says whether it arrived.
     *
     * @throws dev.swarmmanager.domain.DeliveryFailedException with the receiver's answer when it did not
     */
    // No transaction: the send waits on a receiver (10 s at most), and there is nothing to commit.
    @Audited("alert-channels.test")
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public void test(String name) {
        AlertChannel channel = row(name).channel();
        Instant now = Instant.now();
        notifier.send(channel, new Alert(0, "test", AlertCondition.SERVICE_SHORT, Severity.INFO, HistoryKind.SERVICE, "example",
                "a test of the channel " + name + ": no alert is open because of it", now, null, false), true);
    }

    /** The channels that are on, for the evaluator's thread (no signed-in caller there). */
    @PermitAll
    public List<AlertChannel> forTheEvaluator() {
        return entities.createQuery("SELECT c FROM AlertChannelRecord c WHERE c.enabled = TRUE", AlertChannelRecord.class).getResultList()
                .stream().map(AlertChannelRecord::channel).toList();
    }

    private AlertChannelRecord row(String name) {
        AlertChannelRecord row = name == null ? null : entities.find(AlertChannelRecord.class, name);
        if (row == null) {
            throw new ResourceNotFoundException(CHANNEL, name);
        }
        return row;
    }
}
