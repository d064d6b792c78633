package dev.tidings.sync;

import java.util.List;

/**
 * One item from the server.
 *
 * @param hexId     the item id as 16 hex digits (the long form's tail)
 * @param streamId  the feed it came from ({@code origin.streamId})
 * @param title     its title (raw: sanitized where it enters the model)
 * @param link      its link, or empty
 * @param published seconds since the epoch, or 0
 * @param updated   seconds since the epoch, or 0
 * @param author    its author, or empty
 * @param html      its content or summary (HTML)
 * @param read      the server has it read
 * @param starred   the server has it starred
 */
public record ServerItem(String hexId, String streamId, String title, String link, long published, long updated,
                         String author, String html, boolean read, boolean starred) {
    public ServerItem {
        List.of(hexId, streamId, title, link, author, html); // nulls refused
    }
}
