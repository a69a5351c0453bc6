package io.agrisense.bench.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DeliveryLedgerTest {

    private final PackSchedule schedule = new PackSchedule("bench-t", 2, 10, 0);

    @Test
    void everyPublishedPackArrivedOnceIsExact() {
        DeliveryLedger ledger = new DeliveryLedger(2, 10, 5);
        ledger.published(0, 0, 100);
        ledger.published(1, 0, 100);
        ledger.published(0, 1, 200);
        ledger.arrived(0, 0, 150);
        ledger.arrived(1, 0, 150);
        ledger.arrived(0, 1, 260);

        assertThat(ledger.publishedPacks()).isEqualTo(3);
        assertThat(ledger.arrivedPacks()).isEqualTo(3);
        assertThat(ledger.arrivedReadings()).isEqualTo(30);
        assertThat(ledger.duplicates()).isZero();
        assertThat(ledger.missing(schedule)).isEmpty();
    }

    @Test
    void aMissingPackAndADuplicateAreBothSeen() {
        DeliveryLedger ledger = new DeliveryLedger(2, 10, 5);
        ledger.published(0, 0, 100);
        ledger.published(0, 1, 100);
        ledger.arrived(0, 0, 150);
        ledger.arrived(0, 0, 160);

        assertThat(ledger.duplicates()).isEqualTo(1);
        assertThat(ledger.arrivedPacks()).isEqualTo(1);
        assertThat(ledger.missing(schedule)).containsExactly("bench-t-00000: 1 of 2 packs arrived");
    }

    @Test
    void anUnpublishedPackThatArrivesIsAGapToo() {
        DeliveryLedger ledger = new DeliveryLedger(2, 10, 5);
        ledger.published(1, 0, 100);
        ledger.arrived(1, 0, 150);
        ledger.arrived(1, 3, 150);

        assertThat(ledger.missing(schedule)).containsExactly("bench-t-00001: 2 of 1 packs arrived");
    }

    @Test
    void lagIsRecordedOnlyInsideTheMeasuredWindowAndFirstArrivalsReturnAPermit() throws Exception {
        DeliveryLedger ledger = new DeliveryLedger(2, 10, 2);
        ledger.outstanding().acquire(2);
        ledger.published(0, 0, 1_000);
        ledger.published(0, 1, 2_000);
        ledger.arrived(0, 0, 5_000);
        ledger.measuring(true);
        ledger.arrived(0, 1, 9_000);
        ledger.arrived(0, 1, 9_500);

        assertThat(ledger.lag().count()).isEqualTo(1);
        assertThat(ledger.lag().summary().max()).isEqualTo(7_000);
        assertThat(ledger.outstanding().availablePermits()).isEqualTo(2);
    }
}
