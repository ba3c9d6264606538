/** The {@link id.rakorbot.feature.Feature} contract by which each feature plugs into the running bot. */
package id.rakorbot.feature;
