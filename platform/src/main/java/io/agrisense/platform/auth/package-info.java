/**
 * Identity, pure: roles, principals, sharing scopes, the shape and slow hash of station secrets and the sealing of
 * DTLS keys. No I/O; the tables live in {@code auth.store}, the HTTP and broker checks at the edges that use them.
 */
package io.agrisense.platform.auth;
