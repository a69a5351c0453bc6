package io.agrisense.link.uplink;

import io.agrisense.protocol.senml.SenmlFormat;

/**
 * One message for the transport: the MQTT {@code topic} it is published on (a CoAP transport posts to its station's
 * {@code /telemetry/<id>} instead), the SenML pack and its format (the CoAP content-format).
 */
public record UplinkMessage(String topic, byte[] payload, SenmlFormat format) {
}
