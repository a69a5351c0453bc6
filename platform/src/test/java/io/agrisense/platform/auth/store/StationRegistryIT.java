package io.agrisense.platform.auth.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.agrisense.embedded.testkit.TestServices;
import io.agrisense.platform.auth.PskCipher;
import io.agrisense.platform.store.Database;
import io.agrisense.protocol.PreSharedKeys;
import io.agrisense.protocol.StationId;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class StationRegistryIT {

    private static Database database;
    private static StationRegistry registry;

    @BeforeAll
    static void start() {
        TestServices.Database db = TestServices.freshSchema("registry");
        database = Database.open(db.jdbcUrl(), db.user(), db.password(), 4, Duration.ofSeconds(5),
                List.of(SecuritySchema.MIGRATIONS), new SimpleMeterRegistry());
        registry = new StationRegistry(database.dataSource(), PskCipher.fromBase64(PskCipher.newKeyBase64()), Clock.systemUTC());
    }

    @AfterAll
    static void stop() {
        database.close();
    }

    @Test
    void aRegisteredStationsSecretOpensItAndNothingElse() throws Exception {
        String id = TestServices.uniqueStationId("reg");
        IssuedCredentials issued = registry.add(new NewStation(StationId.of(id), RegisteredStation.Kind.STATION, null,
                "crayfish_pond", "Pond 1, Qianjiang", 30.42, 112.90, 30.0, "qianjiang-coop", false));
        assertThat(issued.station()).extracting(RegisteredStation::id, RegisteredStation::profile, RegisteredStation::enabled,
                RegisteredStation::hasPsk, RegisteredStation::latitude).containsExactly(id, "crayfish_pond", true, false, 30.42);
        assertThat(issued.psk()).isNull();
        assertThat(registry.authenticate(issued.secret().value())).contains(id);
        String secret = issued.secret().value();
        char last = secret.charAt(secret.length() - 1);
        assertThat(registry.authenticate(secret.substring(0, secret.length() - 1) + (last == 'A' ? 'B' : 'A')))
                .as("a wrong secret in the right shape").isEmpty();
        assertThat(registry.authenticate("nonsense")).isEmpty();

        try (Connection c = database.dataSource().getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT secret_hash FROM station_registry WHERE station_id = '" + id + "'")) {
            rs.next();
            assertThat(rs.getString(1)).as("only a slow hash is stored").startsWith("$7$210000$")
                    .doesNotContain(issued.secret().value().substring(id.length() + 1));
        }
    }

    @Test
    void disablingOrRotatingShutsTheOldSecretOutAtOnce() throws Exception {
        String id = TestServices.uniqueStationId("reg");
        IssuedCredentials issued = registry.add(NewStation.station(id, "greenhouse"));
        String old = issued.secret().value();
        assertThat(registry.authenticate(old)).contains(id);

        assertThat(registry.setEnabled(id, false)).isTrue();
        assertThat(registry.authenticate(old)).isEmpty();
        assertThat(registry.setEnabled(id, true)).isTrue();
        assertThat(registry.authenticate(old)).contains(id);

        IssuedCredentials rotated = registry.rotateSecret(id, false).orElseThrow();
        assertThat(registry.authenticate(old)).isEmpty();
        assertThat(registry.authenticate(rotated.secret().value())).contains(id);
        assertThat(registry.rotateSecret("no-such-station", false)).isEmpty();
        assertThat(registry.setEnabled("no-such-station", false)).isFalse();
    }

    @Test
    void aPreSharedKeyIsStoredEncryptedAndReadBackForEnabledStations() throws Exception {
        String id = TestServices.uniqueStationId("reg");
        IssuedCredentials issued = registry.add(NewStation.station(id, "river_water_quality").withPsk());
        byte[] psk = PreSharedKeys.secret(id, issued.psk());
        assertThat(psk).hasSize(16);
        assertThat(registry.psk(id)).hasValueSatisfying(k -> assertThat(k).isEqualTo(psk));
        assertThat(registry.keyedStations()).contains(id);
        try (Connection c = database.dataSource().getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT psk_ciphertext FROM station_registry WHERE station_id = '" + id + "'")) {
            rs.next();
            assertThat(rs.getBytes(1)).hasSize(12 + 16 + 16).isNotEqualTo(psk);
        }
        registry.setEnabled(id, false);
        assertThat(registry.psk(id)).isEmpty();
        assertThat(registry.keyedStations()).as("plain CoAP stays refused while disabled").contains(id);
    }

    @Test
    void refusesADuplicateAnUnknownGatewayAndAKeyWithoutASecretKey() throws Exception {
        String id = TestServices.uniqueStationId("reg");
        registry.add(NewStation.station(id, "orchard"));
        assertThatThrownBy(() -> registry.add(NewStation.station(id, "orchard")))
                .isInstanceOf(StationRegistry.DuplicateStationException.class).hasMessageContaining("already registered");
        assertThatThrownBy(() -> registry.add(new NewStation(StationId.of(TestServices.uniqueStationId("reg")),
                RegisteredStation.Kind.STATION, "no-such-gw", null, null, null, null, null, null, false)))
                .hasMessageContaining("not a registered gateway");
        StationRegistry keyless = new StationRegistry(database.dataSource(), null, Clock.systemUTC());
        assertThatThrownBy(() -> keyless.add(NewStation.station(TestServices.uniqueStationId("reg"), "orchard").withPsk()))
                .hasMessageContaining("no secret key is configured");
    }

    @Test
    void aGatewayForwardsForTheStationsRegisteredBehindIt() throws Exception {
        String gw = TestServices.uniqueStationId("gw");
        registry.add(new NewStation(StationId.of(gw), RegisteredStation.Kind.GATEWAY, null, "gateway", null, null, null, null, null, false));
        String a = TestServices.uniqueStationId("reg");
        String b = TestServices.uniqueStationId("reg");
        for (String st : List.of(a, b)) {
            registry.add(new NewStation(StationId.of(st), RegisteredStation.Kind.STATION, gw, "tea_garden", null, null, null, null, null, false));
        }
        registry.setEnabled(b, false);
        assertThat(registry.stationsVia(gw)).containsExactly(a);
        assertThat(registry.secretHashes()).containsKeys(gw, a).doesNotContainKey(b);
    }
}
