/**
 * Tindak lanjut: arahan given at a forum (/arahan), each with an owner and a deadline, reminded, reported on
 * (/progres, /selesai, /tl) and shown in the next reminder, the weekly digest and the next bahan rapat.
 */
package id.rakorbot.followup;
