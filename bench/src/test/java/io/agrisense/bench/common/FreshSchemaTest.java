package io.agrisense.bench.common;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FreshSchemaTest {

    @Test
    void addsTheSchemaAsTheFirstOrAnotherUrlParameter() {
        assertThat(FreshSchema.withCurrentSchema("jdbc:postgresql://127.0.0.1:5432/test", "bench_alert_1"))
                .isEqualTo("jdbc:postgresql://127.0.0.1:5432/test?currentSchema=bench_alert_1");
        assertThat(FreshSchema.withCurrentSchema("jdbc:postgresql://127.0.0.1:5432/test?ssl=false", "bench_alert_1"))
                .isEqualTo("jdbc:postgresql://127.0.0.1:5432/test?ssl=false&currentSchema=bench_alert_1");
        assertThat(FreshSchema.withCurrentSchema("jdbc:postgresql://h/db", "s1")).isEqualTo("jdbc:postgresql://h/db?currentSchema=s1");
        assertThat(FreshSchema.withCurrentSchema("jdbc:postgresql://h/db?ssl=false", "s1"))
                .isEqualTo("jdbc:postgresql://h/db?ssl=false&currentSchema=s1");
    }
}
