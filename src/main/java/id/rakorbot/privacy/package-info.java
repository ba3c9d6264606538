/**
 * Personal data as UU PDP 27/2022 asks: retention applied every day, a person's own data on request
 * ({@code /privasi}, {@code /data_saya}), erasure ({@code /hapus_data}, {@code hapus-data}) and the DPO's register
 * ({@code data-inventory}).
 */
package id.rakorbot.privacy;
