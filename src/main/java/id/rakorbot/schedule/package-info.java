/**
 * Forum schedules: recurrences and holidays, the occurrences they give, Quartz triggers for the
 * reminders, the reminder text, and /jadwal.
 */
package id.rakorbot.schedule;
