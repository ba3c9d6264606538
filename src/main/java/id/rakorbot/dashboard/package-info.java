/**
 * The read-only web dashboard for the leadership (Layar Command Center): passwordless login through a
 * one-time link from {@code /dasbor}, sessions in PostgreSQL, server-rendered pages from the digest's own
 * queries, and the wall screen's self-refreshing Layar page.
 */
package id.rakorbot.dashboard;
