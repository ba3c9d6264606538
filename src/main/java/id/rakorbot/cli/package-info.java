/** What the command line needs beside {@code Main}: the check-config summary, start-up checks, variables from files. */
package id.rakorbot.cli;
