/**
 * Tracing and early warning over station networks: a plume followed down a river (onsets and cross-correlated travel
 * times between stations ordered by chainage), a station departing from its neighbours (robust z-score against the
 * stations within a radius, local or regional), and an episode rising along the wind that warns the stations
 * downwind. Pure functions over series on a shared grid; no I/O.
 */
package io.agrisense.platform.model.tracing;
