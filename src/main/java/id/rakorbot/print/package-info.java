/** Printable A4 reports (PDF) that officials print, sign and file: the weekly digest and the bahan rapat. */
package id.rakorbot.print;
