/** Edits of the config file applied while the bot runs: the file watcher and {@code /muat_ulang}. */
package id.rakorbot.reload;
