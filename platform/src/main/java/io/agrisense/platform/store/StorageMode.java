package io.agrisense.platform.store;

/** How the {@code readings} series are stored; chosen once per database by whether TimescaleDB can be enabled. */
public enum StorageMode {
    /** Hypertable with compression, retention and an hourly continuous aggregate; buckets with time_bucket. */
    TIMESCALEDB("timescaledb", "time_bucket"),
    /** A plain table with a BRIN index on time; buckets with date_bin. */
    PLAIN("plain", "date_bin");

    private final String migrationFolder;
    private final String bucketFunction;

    StorageMode(String migrationFolder, String bucketFunction) {
        this.migrationFolder = migrationFolder;
        this.bucketFunction = bucketFunction;
    }

    /** The Flyway location next to {@code db/migration/common}. */
    public String migrationLocation() {
        return "classpath:db/migration/" + migrationFolder;
    }

    /** {@code time_bucket} or {@code date_bin}; both take (interval, timestamptz, origin). */
    public String bucketFunction() {
        return bucketFunction;
    }
}
