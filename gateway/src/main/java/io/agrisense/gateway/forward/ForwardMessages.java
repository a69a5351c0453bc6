package io.agrisense.gateway.forward;

import io.agrisense.link.uplink.UplinkMessage;
import io.agrisense.link.uplink.UplinkMessages;
import io.agrisense.protocol.Topics;
import io.agrisense.protocol.senml.Senml;
import io.agrisense.protocol.senml.SenmlException;
import java.util.List;

/** For the uplink pump: each queued pack is one QoS 1 publish on its station's telemetry topic, payload as received. */
public final class ForwardMessages implements UplinkMessages<ForwardRecord> {

    /** A record of this format holding a pack whose first byte tells JSON from CBOR (checked at receipt). */
    @Override
    public ForwardRecord read(byte[] record) {
        ForwardRecord r = ForwardRecord.decode(record);
        try {
            Senml.detect(r.payload());
        } catch (SenmlException e) {
            throw new IllegalArgumentException("not a SenML pack: " + e.getMessage(), e);
        }
        return r;
    }

    @Override
    public UplinkMessage message(List<ForwardRecord> records) {
        if (records.size() != 1) {
            throw new IllegalArgumentException("a forwarded message carries one station's pack, not " + records.size());
        }
        ForwardRecord r = records.get(0);
        try {
            return new UplinkMessage(Topics.telemetry(r.station()), r.payload(), Senml.detect(r.payload()));
        } catch (SenmlException e) {
            throw new IllegalStateException("read() checked the pack", e);
        }
    }
}
