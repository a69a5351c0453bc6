package io.agrisense.platform.ingest;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.MessageCodec;

/** The local event bus addresses the ingest publishes to after each commit, and their codecs. */
public final class IngestEvents {

    /** {@link ReadingBatch}: readings newly stored by a committed transaction. */
    public static final String READINGS_COMMITTED = "agri.readings.committed";
    /** {@link StationStatusEvent}: a station's status as stored. */
    public static final String STATION_STATUS = "agri.station.status";

    static final DeliveryOptions LOCAL = new DeliveryOptions().setLocalOnly(true);

    private IngestEvents() {
    }

    /** Lets {@link ReadingBatch} and {@link StationStatusEvent} travel on the local event bus as they are (immutable records). */
    public static void registerCodecs(Vertx vertx) {
        vertx.eventBus().registerDefaultCodec(ReadingBatch.class, new LocalCodec<>(ReadingBatch.class));
        vertx.eventBus().registerDefaultCodec(StationStatusEvent.class, new LocalCodec<>(StationStatusEvent.class));
    }

    /** Publishes what a commit stored; safe to call from any thread. */
    public static void publish(Vertx vertx, ReadingBatch batch) {
        vertx.eventBus().publish(READINGS_COMMITTED, batch, LOCAL);
    }

    public static void publish(Vertx vertx, StationStatusEvent event) {
        vertx.eventBus().publish(STATION_STATUS, event, LOCAL);
    }

    /** Pass-through codec for immutable values that never leave this JVM. */
    static final class LocalCodec<T> implements MessageCodec<T, T> {
        private final Class<T> type;

        LocalCodec(Class<T> type) {
            this.type = type;
        }

        @Override
        public void encodeToWire(Buffer buffer, T value) {
            throw new UnsupportedOperationException(type.getSimpleName() + " is delivered locally only");
        }

        @Override
        public T decodeFromWire(int pos, Buffer buffer) {
            throw new UnsupportedOperationException(type.getSimpleName() + " is delivered locally only");
        }

        @Override
        public T transform(T value) {
            return value;
        }

        @Override
        public String name() {
            return "local-" + type.getName();
        }

        @Override
        public byte systemCodecID() {
            return -1;
        }
    }
}
