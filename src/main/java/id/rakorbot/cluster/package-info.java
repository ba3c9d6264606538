/** Several instances, one bot: which instance talks to Telegram. */
package id.rakorbot.cluster;
