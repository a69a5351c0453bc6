package io.agrisense.edge.command;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;

/**
 * What commands act upon, implemented by the running agent. Each method either changes the station and returns
 * normally, or throws {@link CommandException} having changed nothing.
 */
public interface StationControl {

    void setInterval(String sensor, Duration interval) throws CommandException;

    void switchActuator(String actuator, boolean on, Duration duration, String commandId) throws CommandException;

    /** Re-reads the station YAML and applies what can change while running. Returns a summary. */
    String reloadConfig() throws CommandException;

    /** The agent's state as JSON (queue, sensors, actuators, uplink). */
    JsonNode status();
}
