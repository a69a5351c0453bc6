package io.agrisense.bench.alert;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FreshSchemaTest {

    @Test
    void addsTheSchemaAsTheFirstOrAnotherUrlParameter() {
        assertThat(FreshSchema.withCurrentSchema("jdbc:postgresql://127.0.0.1:5432/test", "bench_alert_1"))
                .isEqualTo("jdbc:postgresql://127.0.0.1:5432/test?currentSchema=bench_alert_1");
        assertThat(FreshSchema.withCurrentSchema("jdbc:postgresql://127.0.0.1:5432/test?ssl=false", "bench_alert_1"))
                .isEqualTo("jdbc:postgresql://127.0.0.1:5432/test?ssl=false&currentSchema=bench_alert_1");
    }
}
