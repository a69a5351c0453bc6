package io.agrisense.edge.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.agrisense.config.ConfigException;
import io.agrisense.config.Quantities;
import io.agrisense.edge.command.CommandException;
import io.agrisense.edge.command.StationControl;
import io.agrisense.edge.config.SensorConfig;
import io.agrisense.edge.config.StationConfig;
import io.agrisense.edge.config.StationConfigLoader;
import io.agrisense.edge.rules.ActuatorControl;
import io.agrisense.edge.rules.RuleEngine;
import io.agrisense.edge.sampling.SensorStatus;
import io.agrisense.edge.sensor.Sensor;
import io.agrisense.link.buffer.QueueStats;
import io.agrisense.link.uplink.UplinkStats;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** What commands do to the running station; runs on the agent's scheduler thread. */
final class AgentControl implements StationControl {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final EdgeAgent.AgentParts p;
    private final long startNanos = System.nanoTime();

    AgentControl(EdgeAgent.AgentParts parts) {
        this.p = parts;
    }

    /** Opens every sensor before sampling any, so a driver that cannot start leaves nothing half-running. */
    void startSensors(List<SensorConfig> sensors) throws Exception {
        Map<SensorConfig, Sensor> opened = open(sensors);
        opened.forEach((config, sensor) -> p.sampling.add(sensor, config));
    }

    private Map<SensorConfig, Sensor> open(List<SensorConfig> sensors) throws Exception {
        Map<SensorConfig, Sensor> opened = new LinkedHashMap<>();
        try {
            for (SensorConfig s : sensors) {
                opened.put(s, p.devices.sensor(s.spec()));
            }
            return opened;
        } catch (Exception e) {
            opened.values().forEach(Sensor::close);
            throw e;
        }
    }

    @Override
    public void setInterval(String sensor, Duration interval) throws CommandException {
        if (!p.sampling.setInterval(sensor, interval)) {
            throw new CommandException("no sensor named '" + sensor + "'; sensors: " + sensorNames());
        }
    }

    @Override
    public void switchActuator(String actuator, boolean on, Duration duration, String commandId) throws CommandException {
        if (!p.actuators.has(actuator)) {
            throw new CommandException("no actuator named '" + actuator + "'; actuators: " + p.actuators.names());
        }
        if (on) {
            p.actuators.switchOn(actuator, duration, ActuatorControl.Origin.command(commandId), null);
        } else {
            p.actuators.switchOff(actuator, ActuatorControl.Origin.command(commandId));
        }
    }

    @Override
    public String reloadConfig() throws CommandException {
        Path file = p.options.configFile();
        if (file == null && p.config.source() != null && Files.isRegularFile(Path.of(p.config.source()))) {
            file = Path.of(p.config.source());
        }
        if (file == null) {
            throw new CommandException("this station was not started from a YAML file; nothing to reload");
        }
        StationConfig fresh;
        try {
            fresh = StationConfigLoader.standard().load(file);
        } catch (ConfigException e) {
            throw new CommandException("config not reloaded: " + e.getMessage());
        }
        StationConfig current = p.config;
        requireSame("station_id", current.stationId(), fresh.stationId());
        requireSame("actuators", current.actuators(), fresh.actuators());
        requireSame("payload_format", current.payloadFormat(), fresh.payloadFormat());
        if (current.uplink().isMqtt() != fresh.uplink().isMqtt()) {
            throw new CommandException("changing the uplink between MQTT and CoAP needs a restart; config not reloaded");
        }

        List<SensorConfig> added = new ArrayList<>();
        List<String> removed = new ArrayList<>();
        List<SensorConfig> retimed = new ArrayList<>();
        for (SensorConfig s : fresh.sensors()) {
            SensorConfig old = current.sensor(s.name()).orElse(null);
            if (old == null || !old.type().equals(s.type()) || !old.options().equals(s.options())
                    || !old.calibration().equals(s.calibration())) {
                added.add(s);
                if (old != null) {
                    removed.add(old.name());
                }
            } else if (!old.interval().equals(s.interval())) {
                retimed.add(s);
            }
        }
        for (SensorConfig s : current.sensors()) {
            if (fresh.sensor(s.name()).isEmpty()) {
                removed.add(s.name());
            }
        }
        Map<SensorConfig, Sensor> opened;
        try {
            opened = open(added);
        } catch (Exception e) {
            throw new CommandException("config not reloaded: a sensor could not be opened: " + e.getMessage());
        }
        removed.forEach(p.sampling::remove);
        opened.forEach((config, sensor) -> p.sampling.add(sensor, config));
        retimed.forEach(s -> p.sampling.setInterval(s.name(), s.interval()));
        p.rules = new RuleEngine(fresh.rules());
        if (!fresh.healthInterval().equals(current.healthInterval())) {
            p.scheduleHealth(fresh.healthInterval());
        }
        p.config = new StationConfig(current.stationId(), fresh.profile(), fresh.name(), current.uplink(),
                current.payloadFormat(), current.buffer(), fresh.sensors(), current.actuators(), fresh.rules(),
                fresh.healthInterval(), fresh.location(), current.localApi(), current.source());
        return "reloaded " + file + ": " + added.size() + " sensor(s) (re)opened, " + removed.size() + " stopped, "
                + retimed.size() + " retimed, " + fresh.rules().size() + " rule(s); uplink and buffer changes apply at restart";
    }

    private static void requireSame(String field, Object a, Object b) throws CommandException {
        if (!Objects.equals(a, b)) {
            throw new CommandException("changing " + field + " needs a restart; config not reloaded");
        }
    }

    private List<String> sensorNames() {
        return p.sampling.status().stream().map(SensorStatus::name).toList();
    }

    @Override
    public JsonNode status() {
        ObjectNode n = JSON.createObjectNode();
        StationConfig c = p.config;
        n.put("station_id", c.stationId().value());
        n.put("name", c.name());
        n.put("profile", c.profile());
        n.put("version", AgentVersion.get());
        n.put("uptime_s", (System.nanoTime() - startNanos) / 1_000_000_000L);
        QueueStats q = p.queue.stats();
        ObjectNode queue = n.putObject("queue");
        queue.put("records", q.records());
        queue.put("bytes", q.bytes());
        queue.put("max_bytes", p.queue.maxBytes());
        queue.put("dropped_records", q.droppedRecords());
        queue.put("dropped_readings", q.droppedReadings());
        queue.put("corrupt_regions_skipped", q.corruptRegions());
        UplinkStats u = p.pump.stats();
        ObjectNode uplink = n.putObject("uplink");
        uplink.put("url", c.uplink().url());
        uplink.put("link_up", u.linkUp());
        uplink.put("messages_sent", u.messagesSent());
        uplink.put("records_delivered", u.recordsDelivered());
        uplink.put("records_rejected", u.recordsRejected());
        uplink.put("last_rejection", u.lastRejection());
        ArrayNode sensors = n.putArray("sensors");
        for (SensorStatus s : p.sampling.status()) {
            ObjectNode o = sensors.addObject();
            o.put("name", s.name());
            o.put("type", s.type());
            o.put("interval", Quantities.format(s.interval()));
            o.put("reads", s.reads());
            o.put("errors", s.errors());
            o.put("failing", s.consecutiveFailures() > 0);
            o.put("last_error", s.lastError());
        }
        ArrayNode actuators = n.putArray("actuators");
        for (String name : p.actuators.names()) {
            ObjectNode o = actuators.addObject();
            o.put("name", name);
            o.put("on", p.actuators.isOn(name).orElse(false));
            p.actuators.remainingSeconds(name).ifPresent(s -> o.put("off_in_s", s));
        }
        ArrayNode rules = n.putArray("rules");
        p.rules.rules().forEach(r -> rules.add(r.name() + ": " + r.describe()));
        return n;
    }
}
