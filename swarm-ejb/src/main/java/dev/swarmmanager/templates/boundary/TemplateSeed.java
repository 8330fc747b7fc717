package dev.swarmmanager.templates.boundary;

import dev.swarmmanager.templates.entity.TemplateRecord;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Ships the OCR worker's template: kept once, as version 1 by the application itself, when no template of that name
 * exists; users change it by saving new versions (and may remove it: then it comes back at the next start).
 */
@Singleton
@Startup
public class TemplateSeed {

    static final String OCR_WORKER = "ocr-worker";
    private static final Logger LOG = Logger.getLogger(TemplateSeed.class.getName());

    @PersistenceContext
    EntityManager entities;

    @PostConstruct
    @TransactionAttribute(TransactionAttributeType.REQUIRED)
    void seed() {
        try (InputStream in = TemplateSeed.class.getResourceAsStream("/templates/ocr-worker.yml")) {
            long kept = entities.createQuery("SELECT COUNT(t) FROM TemplateRecord t WHERE t.name = :name", Long.class)
                    .setParameter("name", OCR_WORKER).getSingleResult();
            if (kept > 0) {
                return;
            }
            TemplateRecord row = new TemplateRecord();
            row.name = OCR_WORKER;
            row.version = 1;
            row.description = "The OCR worker fleet: image tag, replicas and polling interval as parameters";
            row.service = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            row.user = "swarm-manager";
            row.savedAt = Instant.now();
            entities.persist(row);
        } catch (IOException | RuntimeException e) {
            // The server starts all the same: the template is kept at the next start.
            LOG.log(Level.WARNING, "the OCR worker's template could not be kept", e);
        }
    }
}
