/**
 * What the reports of a period add up to — per category, per area — for the bahan rapat's quarter and its
 * comparisons: days that have ended are summed once into daily rows, the rest is counted from the reports.
 */
package id.rakorbot.counts;
