/**
 * Every message the bot sends: written to {@code outbox_message} in the transaction that decided to send
 * it, then delivered by {@link id.rakorbot.outbox.OutboxSender} in order per chat.
 */
package id.rakorbot.outbox;
