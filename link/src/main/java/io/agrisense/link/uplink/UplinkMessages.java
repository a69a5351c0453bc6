package io.agrisense.link.uplink;

import java.util.List;

/**
 * How the {@link UplinkPump} turns queue records into messages: the agent re-packs several records of readings into
 * one SenML pack of its station; the gateway publishes each station's pack as it came.
 *
 * @param <T> one queue record, read
 */
public interface UplinkMessages<T> {

    /** One queue record's bytes, read. @throws IllegalArgumentException for bytes this version cannot read */
    T read(byte[] record);

    /** The one message that carries {@code records} (never empty), in their order. */
    UplinkMessage message(List<T> records);
}
