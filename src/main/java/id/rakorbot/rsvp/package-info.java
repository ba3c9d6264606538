/**
 * RSVPs: answer buttons under reminders, the live tally, deputies, text commands, the non-responder
 * nudge, attendance lists and their CSV export.
 */
package id.rakorbot.rsvp;
