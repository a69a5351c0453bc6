package io.agrisense.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class MetricCatalogueTest {

    @Test
    void holdsTheDesignTableUnitsAndRanges() {
        Metric water = MetricCatalogue.require("water_temperature");
        assertThat(water.unit()).isEqualTo("Cel");
        assertThat(water.min()).isEqualTo(0);
        assertThat(water.max()).isEqualTo(45);
        assertThat(MetricCatalogue.require("air_pressure").min()).isEqualTo(30000);
        assertThat(MetricCatalogue.require("dissolved_oxygen").unit()).isEqualTo("mg/L");
        assertThat(MetricCatalogue.require("pm2_5").unit()).isEqualTo("ug/m3");
        assertThat(MetricCatalogue.require("wind_direction").max()).isEqualTo(360);
        assertThat(MetricCatalogue.lookup("soil_temperature")).map(Metric::min).contains(-60d);
    }

    @Test
    void explainsImplausibleValues() {
        Metric ph = MetricCatalogue.require("ph");
        assertThat(ph.implausibility(7.2)).isNull();
        assertThat(ph.implausibility(14.5)).isEqualTo("ph value 14.5 pH is outside the plausible range 0.0..14.0");
        assertThat(ph.implausibility(Double.NaN)).contains("not a finite number");
        assertThat(ph.isPlausible(0)).isTrue();
        assertThat(ph.isPlausible(14)).isTrue();
    }

    @Test
    void unknownMetricsAreNamed() {
        assertThat(MetricCatalogue.lookup("temperature")).isEmpty();
        assertThatThrownBy(() -> MetricCatalogue.require("temperature")).hasMessage("unknown metric 'temperature'");
        assertThat(MetricCatalogue.lookup(MetricCatalogue.EVENT)).isEmpty();
    }
}
