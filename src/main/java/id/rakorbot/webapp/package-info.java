/**
 * The Telegram Mini App of camat and lurah (issue 25, in progress): its API under {@code /app/api/}, each call signed
 * by Telegram's {@code initData} and going through the same report service as {@code /lapor}.
 */
package id.rakorbot.webapp;
