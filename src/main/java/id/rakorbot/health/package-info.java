/** Whether the bot is well: the poll heartbeat and what the health check reports (set-aside updates, lags). */
package id.rakorbot.health;
