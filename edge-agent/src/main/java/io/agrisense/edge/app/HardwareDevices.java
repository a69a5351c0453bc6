package io.agrisense.edge.app;

import io.agrisense.edge.config.StationConfig;

/** The station's real (or simulated) hardware through the drivers' device factory. */
final class HardwareDevices {

    private HardwareDevices() {
    }

    static Devices open(StationConfig config, AgentOptions options) {
        throw new UnsupportedOperationException("the sensor drivers are not integrated yet; supply Devices in AgentOptions");
    }
}
