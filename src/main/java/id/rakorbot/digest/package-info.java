/**
 * The weekly digest (rekap mingguan): aggregation in SQL, the text with trends and hotspots, the chart,
 * the CSV export, the weekly Quartz job, /rekap and the offline {@code digest} command.
 */
package id.rakorbot.digest;
