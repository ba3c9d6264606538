/** The audit trail: who did what, when and from where, in a table the database keeps append-only (UU PDP). */
package id.rakorbot.audit;
