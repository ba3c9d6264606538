/** Photos that arrive as bytes (the Mini App's form), checked before they are kept: a real JPEG, of bounded size. */
package id.rakorbot.photo;
