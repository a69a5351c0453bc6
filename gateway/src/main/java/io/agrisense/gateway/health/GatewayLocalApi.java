package io.agrisense.gateway.health;

import io.agrisense.gateway.coap.CoapListener;
import io.agrisense.link.buffer.QueueStats;
import io.agrisense.link.localapi.ComponentHealth;
import io.agrisense.link.localapi.HealthReport;
import io.agrisense.link.localapi.LinkMetrics;
import io.agrisense.link.localapi.LocalApi;
import io.agrisense.link.localapi.LocalApiConfig;
import io.agrisense.link.uplink.UplinkStats;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.List;
import java.util.function.Supplier;

/** The gateway's local /health and /metrics: the shared queue, uplink, JVM and process meters plus CoAP posts. */
public final class GatewayLocalApi {

    private GatewayLocalApi() {
    }

    public static LocalApi start(LocalApiConfig settings, Supplier<QueueStats> queue, long queueMaxBytes,
                                 Supplier<UplinkStats> uplink, CoapListener coap) {
        PrometheusMeterRegistry registry = LinkMetrics.registry();
        LinkMetrics.bindQueue(registry, queue);
        LinkMetrics.bindUplink(registry, uplink);
        LinkMetrics.counter(registry, "agri.coap.packs.accepted", "CoAP posts queued (2.04)", coap, CoapListener::packsAccepted);
        LinkMetrics.counter(registry, "agri.coap.packs.refused", "CoAP posts refused (4.xx, 5.03)", coap, CoapListener::packsRefused);
        return LocalApi.start(settings, registry::scrape, () -> new HealthReport(List.of(HealthReport.uplink(uplink.get()),
                HealthReport.queue(queue.get(), queueMaxBytes), ComponentHealth.up("coap", "listening on udp " + coap.port()
                        + (coap.dtlsPort() < 0 ? "" : ", dtls " + coap.dtlsPort()) + "; " + coap.packsAccepted()
                        + " packs accepted, " + coap.packsRefused() + " refused"))));
    }
}
