/** PostgreSQL: the connection pool, the embedded default, Flyway migrations and the JDBI handle. */
package id.rakorbot.storage;
