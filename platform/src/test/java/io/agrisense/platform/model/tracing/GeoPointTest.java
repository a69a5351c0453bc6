package io.agrisense.platform.model.tracing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class GeoPointTest {

    @Test
    void haversineDistances() {
        // one degree of a great circle: 6371.0088 km * pi / 180 = 111.1951 km
        assertThat(new GeoPoint(0, 0).distanceKm(new GeoPoint(0, 1))).isCloseTo(111.1951, within(1e-4));
        assertThat(new GeoPoint(0, 0).distanceKm(new GeoPoint(1, 0))).isCloseTo(111.1951, within(1e-4));
        // along 30.6° N, 0.4° of longitude: 2 R asin(cos 30.6° sin 0.2°) = 38.284 km
        assertThat(new GeoPoint(30.6, 114.0).distanceKm(new GeoPoint(30.6, 114.4))).isCloseTo(38.284, within(1e-3));
        assertThat(new GeoPoint(30.6, 114.0).distanceKm(new GeoPoint(30.6, 114.0))).isZero();
    }

    @Test
    void initialBearings() {
        assertThat(new GeoPoint(0, 0).bearingDegrees(new GeoPoint(0, 1))).isCloseTo(90, within(1e-9));
        assertThat(new GeoPoint(0, 0).bearingDegrees(new GeoPoint(1, 0))).isCloseTo(0, within(1e-9));
        assertThat(new GeoPoint(0, 0).bearingDegrees(new GeoPoint(-1, 0))).isCloseTo(180, within(1e-9));
        assertThat(new GeoPoint(0, 0).bearingDegrees(new GeoPoint(0, -1))).isCloseTo(270, within(1e-9));
        // east along a parallel the great circle starts a little north of east
        assertThat(new GeoPoint(30.6, 114.0).bearingDegrees(new GeoPoint(30.6, 114.4))).isCloseTo(89.898, within(1e-3));
    }

    @Test
    void anglesBetweenDirectionsWrapAroundNorth() {
        assertThat(GeoPoint.angleBetween(350, 10)).isEqualTo(20);
        assertThat(GeoPoint.angleBetween(90, 270)).isEqualTo(180);
        assertThat(GeoPoint.angleBetween(0, 360)).isZero();
        assertThatThrownBy(() -> new GeoPoint(91, 0)).hasMessageContaining("outside latitude");
    }
}
