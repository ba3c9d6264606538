/**
 * Field reports (/lapor): categories and severities, the one-line and guided forms, nihil, photos and
 * locations, corrections, closing, who may report and registration, alerts and forwarding.
 */
package id.rakorbot.report;
