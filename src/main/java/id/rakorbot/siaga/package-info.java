/**
 * Masa siaga: heightened periods (Pilkada, Nataru) in which every area reports daily; silent areas' reporters
 * are reminded, the leadership gets the silent areas at the deadline, the period's groups a daily digest.
 */
package id.rakorbot.siaga;
