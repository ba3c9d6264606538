/**
 * Telegram: polling into the durable inbox, processing stored updates, commands, group membership, and
 * the connection to the Bot API.
 */
package id.rakorbot.telegram;
