package io.agrisense.bench.codec;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.agrisense.protocol.StationId;
import io.agrisense.protocol.senml.ResolvedRecord;
import io.agrisense.protocol.senml.Senml;
import io.agrisense.protocol.senml.SenmlException;
import io.agrisense.protocol.senml.SenmlFormat;
import io.agrisense.protocol.senml.SenmlRecord;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * SenML codec cost per pack, the work every message costs the platform before storage: decode + resolve a station's
 * pack in JSON and in CBOR, and encode it on the agent. The raw limit beside it is Jackson walking the same JSON bytes
 * token by token without building anything, the floor for any JSON decoder built on it.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class CodecBenchmark {

    private static final JsonFactory JSON = new JsonFactory();

    @Param({"50"})
    public int readingsPerPack;

    private List<SenmlRecord> pack;
    private byte[] json;
    private byte[] cbor;
    private double now;

    @Setup
    public void setUp() {
        pack = StationPacks.pack(StationId.of("bench-codec"), readingsPerPack, 1_780_000_000L);
        json = Senml.encode(pack, SenmlFormat.JSON);
        cbor = Senml.encode(pack, SenmlFormat.CBOR);
        now = 1_780_000_100;
    }

    @Benchmark
    public List<ResolvedRecord> decodeResolveJson() throws SenmlException {
        return Senml.decodeAndResolve(json, now);
    }

    @Benchmark
    public List<ResolvedRecord> decodeResolveCbor() throws SenmlException {
        return Senml.decodeAndResolve(cbor, now);
    }

    @Benchmark
    public byte[] encodeJson() {
        return Senml.encode(pack, SenmlFormat.JSON);
    }

    @Benchmark
    public byte[] encodeCbor() {
        return Senml.encode(pack, SenmlFormat.CBOR);
    }

    /** Raw limit: tokenise the same JSON bytes with Jackson's streaming parser and build nothing. */
    @Benchmark
    public int rawJacksonTokenWalk() throws IOException {
        int tokens = 0;
        try (JsonParser parser = JSON.createParser(json)) {
            JsonToken token;
            while ((token = parser.nextToken()) != null) {
                if (token == JsonToken.VALUE_NUMBER_FLOAT) {
                    parser.getDoubleValue();
                }
                tokens++;
            }
        }
        return tokens;
    }

    int jsonBytes() {
        return json.length;
    }

    int cborBytes() {
        return cbor.length;
    }
}
