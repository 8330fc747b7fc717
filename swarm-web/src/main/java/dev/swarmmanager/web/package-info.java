/** The admin UI: one view-scoped backing bean per page, injecting boundary EJBs only. */
package dev.swarmmanager.web;
