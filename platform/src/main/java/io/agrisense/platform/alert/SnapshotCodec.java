package io.agrisense.platform.alert;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import io.agrisense.protocol.StationId;
import java.io.IOException;
import java.time.Instant;

/**
 * JSON forms of {@link EngineSnapshot} (e.g. for a jsonb column) and of {@link Alert} (notifications, API):
 * instants as ISO-8601 strings, station ids as strings.
 */
public final class SnapshotCodec {

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .registerModule(new SimpleModule("agrisense-alert-snapshot")
                    .addSerializer(Instant.class, new JsonSerializer<>() {
                        @Override
                        public void serialize(Instant value, JsonGenerator gen, SerializerProvider p) throws IOException {
                            gen.writeString(value.toString());
                        }
                    })
                    .addDeserializer(Instant.class, new JsonDeserializer<>() {
                        @Override
                        public Instant deserialize(JsonParser p, DeserializationContext ctx) throws IOException {
                            return Instant.parse(p.getValueAsString());
                        }
                    })
                    .addSerializer(StationId.class, new JsonSerializer<>() {
                        @Override
                        public void serialize(StationId value, JsonGenerator gen, SerializerProvider p) throws IOException {
                            gen.writeString(value.value());
                        }
                    })
                    .addDeserializer(StationId.class, new JsonDeserializer<>() {
                        @Override
                        public StationId deserialize(JsonParser p, DeserializationContext ctx) throws IOException {
                            return StationId.of(p.getValueAsString());
                        }
                    }));

    private SnapshotCodec() {
    }

    public static String toJson(EngineSnapshot snapshot) {
        try {
            return MAPPER.writeValueAsString(snapshot);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise the alert engine snapshot", e);
        }
    }

    public static String alertToJson(Alert alert) {
        try {
            return MAPPER.writeValueAsString(alert);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise alert " + alert.id(), e);
        }
    }

    public static Alert alertFromJson(String json) {
        try {
            return MAPPER.readValue(json, Alert.class);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not an alert: " + e.getOriginalMessage(), e);
        }
    }

    public static EngineSnapshot fromJson(String json) {
        try {
            return MAPPER.readValue(json, EngineSnapshot.class);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not an alert engine snapshot: " + e.getOriginalMessage(), e);
        }
    }
}
