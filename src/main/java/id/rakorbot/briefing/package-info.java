/**
 * Bahan rapat: what the field reported since a schedule's previous meeting, against the period before and
 * the same period a year earlier, with hotspots, silent areas, alerts, the last attendance and the agenda.
 */
package id.rakorbot.briefing;
