package io.agrisense.link.buffer;

/**
 * The queue's counters. {@code records}/{@code bytes}/{@code readings} are what waits for an acknowledgement;
 * {@code dropped*} count what was discarded, oldest first, because the queue was full; {@code corruptRegions}
 * counts damaged stretches of a segment file skipped at start (torn tail or bit rot).
 */
public record QueueStats(long records, long bytes, long droppedRecords, long droppedReadings, long corruptRegions,
                         long appendedRecords, long ackedRecords) {
}
