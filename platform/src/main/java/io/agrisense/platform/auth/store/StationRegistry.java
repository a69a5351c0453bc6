package io.agrisense.platform.auth.store;

import io.agrisense.platform.auth.PskCipher;
import io.agrisense.platform.auth.SecretHash;
import io.agrisense.platform.auth.StationSecret;
import io.agrisense.protocol.StationId;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import javax.sql.DataSource;

/**
 * The station registry in PostgreSQL: who may send, with a secret kept only as a slow hash and a DTLS key kept only
 * encrypted. Verified secrets are remembered for {@link #CACHE_TTL} (keyed by the presented secret's SHA-256) so the
 * slow hash is paid once per connection burst; rotating or disabling a station forgets its entries at once on this
 * instance, and other instances within the TTL. Blocking JDBC: call it from a worker thread.
 */
public final class StationRegistry {

    public static final Duration CACHE_TTL = Duration.ofSeconds(60);
    private static final int PSK_BYTES = 16;
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String COLUMNS = "station_id, kind, via_gateway, profile, name, latitude, longitude, elevation, owner,"
            + " enabled, psk_ciphertext IS NOT NULL AS has_psk, created_at, updated_at, secret_rotated_at";

    private final DataSource dataSource;
    private final PskCipher cipher;
    private final Clock clock;
    private final Map<String, Verified> verified = new ConcurrentHashMap<>();

    /** {@code cipher} null: no deployment secret key, so no pre-shared keys can be issued or read. */
    public StationRegistry(DataSource dataSource, PskCipher cipher, Clock clock) {
        this.dataSource = dataSource;
        this.cipher = cipher;
        this.clock = clock;
    }

    /** A station already registered under that id. */
    public static final class DuplicateStationException extends IllegalStateException {
        private static final long serialVersionUID = 1L;

        DuplicateStationException(String id) {
            super("station " + id + " is already registered");
        }
    }

    /** A verification's outcome for the secret's claimed station, remembered until {@code expiresAtNanos}. */
    private record Verified(String claimed, boolean valid, long expiresAtNanos) {
    }

    /** Registers a station or gateway and answers its secret (and key) once. */
    public IssuedCredentials add(NewStation s) throws SQLException {
        if (s.issuePsk() && cipher == null) {
            throw new IllegalStateException("no secret key is configured (security.secretKeyFile or AGRI_SECRET_KEY),"
                    + " so no pre-shared key can be stored");
        }
        StationSecret secret = StationSecret.generate(s.id());
        byte[] psk = s.issuePsk() ? randomPsk() : null;
        Timestamp now = Timestamp.from(clock.instant());
        try (Connection c = dataSource.getConnection()) {
            if (s.viaGateway() != null) {
                Optional<RegisteredStation> gw = find(c, s.viaGateway());
                if (gw.isEmpty() || gw.get().kind() != RegisteredStation.Kind.GATEWAY) {
                    throw new IllegalArgumentException("via_gateway " + s.viaGateway() + " is not a registered gateway");
                }
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO station_registry (station_id, kind, via_gateway, profile,"
                    + " name, latitude, longitude, elevation, owner, enabled, secret_hash, psk_ciphertext, created_at, updated_at,"
                    + " secret_rotated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, true, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING")) {
                ps.setString(1, s.id().value());
                ps.setString(2, s.kind().wireName());
                ps.setString(3, s.viaGateway());
                ps.setString(4, s.profile());
                ps.setString(5, s.name());
                setDouble(ps, 6, s.latitude());
                setDouble(ps, 7, s.longitude());
                setDouble(ps, 8, s.elevation());
                ps.setString(9, s.owner());
                ps.setString(10, SecretHash.hash(secret.value()));
                ps.setBytes(11, psk == null ? null : cipher.encrypt(s.id().value(), psk));
                ps.setTimestamp(12, now);
                ps.setTimestamp(13, now);
                ps.setTimestamp(14, now);
                if (ps.executeUpdate() == 0) {
                    throw new DuplicateStationException(s.id().value());
                }
            }
            return new IssuedCredentials(find(c, s.id().value()).orElseThrow(), secret, pskText(psk));
        }
    }

    public Optional<RegisteredStation> find(String id) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            return find(c, id);
        }
    }

    public List<RegisteredStation> list() throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM station_registry ORDER BY station_id");
             ResultSet rs = ps.executeQuery()) {
            List<RegisteredStation> out = new ArrayList<>();
            while (rs.next()) {
                out.add(row(rs));
            }
            return out;
        }
    }

    /** The stations a gateway may forward for (enabled ones). */
    public List<String> stationsVia(String gatewayId) throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement(
                     "SELECT station_id FROM station_registry WHERE via_gateway = ? AND enabled ORDER BY station_id")) {
            ps.setString(1, gatewayId);
            try (ResultSet rs = ps.executeQuery()) {
                List<String> out = new ArrayList<>();
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
                return out;
            }
        }
    }

    /** Enables or disables a station (its data stays); false when there is no such station. */
    public boolean setEnabled(String id, boolean enabled) throws SQLException {
        int n = update("UPDATE station_registry SET enabled = ?, updated_at = ? WHERE station_id = ?", ps -> {
            ps.setBoolean(1, enabled);
            ps.setTimestamp(2, Timestamp.from(clock.instant()));
            ps.setString(3, id);
        });
        forget(id);
        return n > 0;
    }

    /** The editable descriptive fields; null leaves a field as it is. */
    public record Changes(String profile, String name, Double latitude, Double longitude, Double elevation, String owner) {
    }

    public Optional<RegisteredStation> update(String id, Changes ch) throws SQLException {
        if ((ch.latitude() == null) != (ch.longitude() == null)) {
            throw new IllegalArgumentException("give both latitude and longitude, or neither");
        }
        update("UPDATE station_registry SET profile = COALESCE(?, profile), name = COALESCE(?, name),"
                + " latitude = COALESCE(?, latitude), longitude = COALESCE(?, longitude), elevation = COALESCE(?, elevation),"
                + " owner = COALESCE(?, owner), updated_at = ? WHERE station_id = ?", ps -> {
                    ps.setString(1, ch.profile());
                    ps.setString(2, ch.name());
                    setDouble(ps, 3, ch.latitude());
                    setDouble(ps, 4, ch.longitude());
                    setDouble(ps, 5, ch.elevation());
                    ps.setString(6, ch.owner());
                    ps.setTimestamp(7, Timestamp.from(clock.instant()));
                    ps.setString(8, id);
                });
        return find(id);
    }

    /**
     * Issues a new secret (the old one stops working at once on this instance); with {@code newPsk} also a new DTLS key.
     * Empty when there is no such station.
     */
    public Optional<IssuedCredentials> rotateSecret(String id, boolean newPsk) throws SQLException {
        if (newPsk && cipher == null) {
            throw new IllegalStateException("no secret key is configured (security.secretKeyFile or AGRI_SECRET_KEY),"
                    + " so no pre-shared key can be stored");
        }
        StationSecret secret = StationSecret.generate(StationId.of(id));
        byte[] psk = newPsk ? randomPsk() : null;
        int n = update("UPDATE station_registry SET secret_hash = ?, psk_ciphertext = CASE WHEN ? THEN ? ELSE psk_ciphertext END,"
                + " secret_rotated_at = ?, updated_at = ? WHERE station_id = ?", ps -> {
                    Timestamp now = Timestamp.from(clock.instant());
                    ps.setString(1, SecretHash.hash(secret.value()));
                    ps.setBoolean(2, newPsk);
                    ps.setBytes(3, psk == null ? null : cipher.encrypt(id, psk));
                    ps.setTimestamp(4, now);
                    ps.setTimestamp(5, now);
                    ps.setString(6, id);
                });
        forget(id);
        if (n == 0) {
            return Optional.empty();
        }
        return Optional.of(new IssuedCredentials(find(id).orElseThrow(), secret, pskText(psk)));
    }

    /**
     * The station whose enabled registry entry this secret opens; empty for anything else (wrong, malformed, disabled,
     * unknown). A secret presented for another station's path is the caller's business: compare the id.
     */
    public Optional<String> authenticate(String presented) throws SQLException {
        Optional<String> claimed = StationSecret.claimedStation(presented);
        if (claimed.isEmpty()) {
            return Optional.empty();
        }
        String key = Base64.getEncoder().encodeToString(SecretHash.sha256(presented));
        Verified v = verified.get(key);
        long now = System.nanoTime();
        if (v != null && now - v.expiresAtNanos() < 0) {
            return v.valid() ? Optional.of(v.claimed()) : Optional.empty();
        }
        String hash = null;
        boolean enabled = false;
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT secret_hash, enabled FROM station_registry WHERE station_id = ?")) {
            ps.setString(1, claimed.get());
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next()) {
                    hash = rs.getString(1);
                    enabled = rs.getBoolean(2);
                }
            }
        }
        boolean valid = enabled && SecretHash.matches(presented, hash);
        // Wrong secrets are remembered too, so repeating one does not cost a slow hash each time.
        verified.put(key, new Verified(claimed.get(), valid, now + CACHE_TTL.toNanos()));
        if (verified.size() > 100_000) {
            verified.entrySet().removeIf(e -> now - e.getValue().expiresAtNanos() >= 0);
        }
        return valid ? claimed : Optional.empty();
    }

    /** The decrypted DTLS key of an enabled station, if it has one. */
    public Optional<byte[]> psk(String id) throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement(
                     "SELECT psk_ciphertext FROM station_registry WHERE station_id = ? AND enabled AND psk_ciphertext IS NOT NULL")) {
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                if (cipher == null) {
                    throw new IllegalStateException("station " + id + " has a stored pre-shared key but no secret key is configured");
                }
                return Optional.of(cipher.decrypt(id, rs.getBytes(1)));
            }
        }
    }

    /** Ids of every station that has a DTLS key (enabled or not): plain CoAP is refused for them in closed mode. */
    public List<String> keyedStations() throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement(
                     "SELECT station_id FROM station_registry WHERE psk_ciphertext IS NOT NULL ORDER BY station_id");
             ResultSet rs = ps.executeQuery()) {
            List<String> out = new ArrayList<>();
            while (rs.next()) {
                out.add(rs.getString(1));
            }
            return out;
        }
    }

    /** Station id -> stored secret hash of the enabled entries, for writing a Mosquitto password file. */
    public Map<String, String> secretHashes() throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement(
                     "SELECT station_id, secret_hash FROM station_registry WHERE enabled ORDER BY station_id");
             ResultSet rs = ps.executeQuery()) {
            Map<String, String> out = new LinkedHashMap<>();
            while (rs.next()) {
                out.put(rs.getString(1), rs.getString(2));
            }
            return out;
        }
    }

    private void forget(String id) {
        verified.values().removeIf(v -> id.equals(v.claimed()));
    }

    private static Optional<RegisteredStation> find(Connection c, String id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM station_registry WHERE station_id = ?")) {
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(row(rs)) : Optional.empty();
            }
        }
    }

    private static RegisteredStation row(ResultSet rs) throws SQLException {
        return new RegisteredStation(rs.getString("station_id"), RegisteredStation.Kind.parse(rs.getString("kind")),
                rs.getString("via_gateway"), rs.getString("profile"), rs.getString("name"), getDouble(rs, "latitude"),
                getDouble(rs, "longitude"), getDouble(rs, "elevation"), rs.getString("owner"), rs.getBoolean("enabled"),
                rs.getBoolean("has_psk"), instant(rs, "created_at"), instant(rs, "updated_at"), instant(rs, "secret_rotated_at"));
    }

    private interface Binder {
        void bind(PreparedStatement ps) throws SQLException;
    }

    private int update(String sql, Binder binder) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            binder.bind(ps);
            return ps.executeUpdate();
        }
    }

    private static byte[] randomPsk() {
        byte[] k = new byte[PSK_BYTES];
        RANDOM.nextBytes(k);
        return k;
    }

    /** In the form the agent's and gateway's configuration read (protocol PreSharedKeys). */
    private static String pskText(byte[] psk) {
        return psk == null ? null : "hex:" + HexFormat.of().formatHex(psk);
    }

    private static void setDouble(PreparedStatement ps, int i, Double v) throws SQLException {
        if (v == null) {
            ps.setNull(i, Types.DOUBLE);
        } else {
            ps.setDouble(i, v);
        }
    }

    private static Double getDouble(ResultSet rs, String column) throws SQLException {
        double v = rs.getDouble(column);
        return rs.wasNull() ? null : v;
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}
