/** The config file: loading, placeholders, validation with file:line:column, and the records it binds to. */
package id.rakorbot.config;
