/** Background loops: the one way the bot runs work beside the Telegram poller. */
package id.rakorbot.background;
