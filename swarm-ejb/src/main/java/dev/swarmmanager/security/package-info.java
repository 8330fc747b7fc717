/**
 * Who the caller is and what they may do. Two ways to sign in, chosen by configuration: single sign-on with the
 * company's OpenID Connect provider (the UI through the authorization code flow, API clients with the provider's
 * bearer tokens), or, when no provider is configured, local accounts in the application's database (an admin
 * whose password is configured or generated at first start). Either way the caller's groups are mapped to our
 * three roles here, and the EJBs check those roles.
 */
package dev.swarmmanager.security;
