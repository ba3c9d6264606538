/**
 * The officials' own calendars: an .ics (RFC 5545) with every announcement and on request, and a subscribable feed
 * per person or group, kept in step with the schedule file (stable UIDs, SEQUENCE on change, CANCEL when skipped).
 */
package id.rakorbot.calendar;
