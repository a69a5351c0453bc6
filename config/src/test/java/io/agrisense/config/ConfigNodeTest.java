package io.agrisense.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class ConfigNodeTest {

    private static ConfigNode field(String yaml) throws ConfigException {
        return ConfigNode.parse(yaml, "st.yaml", Wording.FIELD);
    }

    private static ConfigNode setting(String yaml) throws ConfigException {
        return ConfigNode.parse(yaml, "platform.yaml", Wording.SETTING);
    }

    @Test
    void readsTypedValuesWithDefaultsAndFieldPaths() throws Exception {
        ConfigNode top = field("""
                name: pond
                queue: {max_bytes: 64MiB, every: 2min, port: '1883', tls: true, state: Blocked}
                items: [{a: 1}, {a: 2}]
                """);
        ConfigNode q = top.section("queue");
        assertThat(q.path()).isEqualTo("queue");
        assertThat(q.bytes("max_bytes", 0, 1, Long.MAX_VALUE)).isEqualTo(64L << 20);
        assertThat(q.duration("every", null, Duration.ZERO)).isEqualTo(Duration.ofMinutes(2));
        assertThat(q.integer("port", 0, 0, 65535)).as("quoted digits").isEqualTo(1883);
        assertThat(q.bool("tls", false)).isTrue();
        assertThat(q.choice("state", Thread.State.class, Thread.State.NEW)).as("any case").isEqualTo(Thread.State.BLOCKED);
        assertThat(top.text("missing", "fallback")).isEqualTo("fallback");
        assertThat(top.section("absent").has("x")).isFalse();
        assertThat(top.list("items")).extracting(ConfigNode::path).containsExactly("items[0]", "items[1]");
        assertThat(field("").has("anything")).as("an empty document is an empty mapping").isFalse();
    }

    @Test
    void stationFilesNameFileFieldAndProblem() {
        assertThatThrownBy(() -> field("queue: {prot: 1}").section("queue").onlyKeys("port", "host"))
                .hasMessage("st.yaml: queue.prot: unknown key; expected one of [host, port]");
        assertThatThrownBy(() -> field("port: 80.5").integer("port", 0, 0, 10))
                .hasMessage("st.yaml: port: must be a whole number, not '80.5'");
        assertThatThrownBy(() -> field("port: 70000").integer("port", 0, 0, 65535))
                .hasMessage("st.yaml: port: must be between 0 and 65535, not 70000");
        assertThatThrownBy(() -> field("queue: [1]").section("queue"))
                .hasMessage("st.yaml: queue: must be a mapping of keys to values");
        assertThatThrownBy(() -> field("size: 1KiB").bytes("size", 0, 4096, Long.MAX_VALUE))
                .hasMessage("st.yaml: size: must be at least 4096 bytes, not 1KiB");
        assertThatThrownBy(() -> field("every: 5ms").duration("every", null, Duration.ofSeconds(1)))
                .hasMessage("st.yaml: every: must be at least 1s, not 5ms");
        assertThatThrownBy(() -> field("a: [").text("a", null)).hasMessageStartingWith("st.yaml: not valid YAML: ");
    }

    @Test
    void thePlatformFileSpeaksOfSettingsInTheOrderTheyAreDeclared() {
        assertThatThrownBy(() -> setting("mqtt: {clientid: x}").section("mqtt").onlyKeys("url", "port", "clientId"))
                .hasMessage("platform.yaml: unknown setting mqtt.clientid (known in mqtt: url, port, clientId)");
        assertThatThrownBy(() -> setting("http: {port: 80.5}").section("http").integer("port", 0, 0, 10))
                .hasMessage("platform.yaml: setting http.port must be a whole number");
        assertThatThrownBy(() -> setting("http: {port: 0}").section("http").integer("port", 0, 1, 10))
                .hasMessage("platform.yaml: setting http.port must be between 1 and 10, got 0");
        assertThatThrownBy(() -> setting("http: [1, 2]").section("http")).hasMessage("platform.yaml: 'http' must be a mapping");
        assertThatThrownBy(() -> setting("a: [")).hasMessageStartingWith("platform.yaml is not valid YAML: ");
    }

    @Test
    void quantitiesReadTheCommonForms() {
        assertThat(Quantities.duration("2w")).isEqualTo(Duration.ofDays(14));
        assertThat(Quantities.duration("5m")).isEqualTo(Duration.ofMinutes(5));
        assertThat(Quantities.duration("30 sec")).isEqualTo(Duration.ofSeconds(30));
        assertThat(Quantities.bytes("1GiB")).isEqualTo(1L << 30);
        assertThatThrownBy(() -> Quantities.bytes("99999999999999GiB")).hasMessage("'99999999999999GiB' is too large a size");
        assertThatThrownBy(() -> Quantities.duration("soon")).hasMessageContaining("is not a duration");
    }
}
