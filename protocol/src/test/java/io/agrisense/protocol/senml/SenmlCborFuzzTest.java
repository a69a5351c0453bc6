package io.agrisense.protocol.senml;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.provider.MethodSource;

/** Coverage-guided fuzzing of the SenML CBOR decoder and resolver (see {@link SenmlFuzzing} for the property). */
class SenmlCborFuzzTest {

    private static final AtomicInteger RUNS = new AtomicInteger();

    static Stream<byte[]> seeds() {
        return SenmlFuzzing.cborSeeds();
    }

    @MethodSource("seeds")
    @FuzzTest(maxExecutions = SenmlFuzzing.RUNS, maxDuration = "2m")
    void decodesOrRejectsWithAReasonAndRoundTripsWhatItAccepts(byte[] input) {
        SenmlFuzzing.check(input, SenmlFormat.CBOR, RUNS);
    }

    @AfterAll
    static void ranTheAgreedNumberOfInputs() {
        SenmlFuzzing.assertRanEnough(RUNS);
    }
}
