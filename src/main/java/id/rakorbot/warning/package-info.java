/**
 * Peringatan dini (early warning): rules of the config over the incoming reports — a count in an area or
 * anywhere within some hours, or a category's week against its recent average — raise alerts to the alert
 * groups, once per rule, scope and window, escalating to a higher level; listed with /peringatan.
 */
package id.rakorbot.warning;
