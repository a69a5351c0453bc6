package io.agrisense.platform.auth.store;

/** The Flyway location of the security tables (registry, accounts, tokens, audit), V30..V39. */
public final class SecuritySchema {

    public static final String MIGRATIONS = "classpath:db/migration/security";

    private SecuritySchema() {
    }
}
