package io.agrisense.edge.app;

import io.agrisense.edge.sim.WorldTime;
import java.nio.file.Path;
import java.time.Clock;

/**
 * How to run a station beyond its YAML: simulated hardware with a seed, the data dir, a broker URL that
 * overrides the YAML's (also read from {@code AGRI_MQTT_URL}), the wall clock that stamps readings, the YAML
 * file for {@code reload_config}, optionally devices and an observer supplied by the embedding program, and the
 * simulated world's own time (null: the wall clock from now; demos shift it to a night).
 */
public record AgentOptions(boolean simulate, long seed, Path dataDir, String brokerUrl, Clock clock, Path configFile,
                           Devices devices, ReadingObserver observer, WorldTime world) {

    public AgentOptions {
        clock = clock == null ? Clock.systemUTC() : clock;
    }

    public static AgentOptions defaults() {
        return new AgentOptions(false, 1L, null, null, Clock.systemUTC(), null, null, null, null);
    }

    public AgentOptions withSimulate(boolean value) {
        return new AgentOptions(value, seed, dataDir, brokerUrl, clock, configFile, devices, observer, world);
    }

    public AgentOptions withSeed(long value) {
        return new AgentOptions(simulate, value, dataDir, brokerUrl, clock, configFile, devices, observer, world);
    }

    public AgentOptions withDataDir(Path value) {
        return new AgentOptions(simulate, seed, value, brokerUrl, clock, configFile, devices, observer, world);
    }

    public AgentOptions withBrokerUrl(String value) {
        return new AgentOptions(simulate, seed, dataDir, value, clock, configFile, devices, observer, world);
    }

    public AgentOptions withClock(Clock value) {
        return new AgentOptions(simulate, seed, dataDir, brokerUrl, value, configFile, devices, observer, world);
    }

    public AgentOptions withConfigFile(Path value) {
        return new AgentOptions(simulate, seed, dataDir, brokerUrl, clock, value, devices, observer, world);
    }

    public AgentOptions withDevices(Devices value) {
        return new AgentOptions(simulate, seed, dataDir, brokerUrl, clock, configFile, value, observer, world);
    }

    public AgentOptions withObserver(ReadingObserver value) {
        return new AgentOptions(simulate, seed, dataDir, brokerUrl, clock, configFile, devices, value, world);
    }

    /** The simulated world's time (with {@code simulate}); readings keep the agent's {@link #clock()}. */
    public AgentOptions withWorld(WorldTime value) {
        return new AgentOptions(simulate, seed, dataDir, brokerUrl, clock, configFile, devices, observer, value);
    }

    WorldTime worldOrClock() {
        return world != null ? world : WorldTime.of(clock);
    }
}
