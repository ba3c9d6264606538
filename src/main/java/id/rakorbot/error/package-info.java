/** The bot's exceptions under one root: what a user did wrong, and what a config file says wrong. */
package id.rakorbot.error;
