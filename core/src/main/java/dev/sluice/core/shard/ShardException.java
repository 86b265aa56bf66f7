package dev.sluice.core.shard;

import dev.sluice.api.spi.MessageValues;
import java.util.Optional;

/**
 * A tar shard cannot be read: it is missing or unreadable, truncated, not a tar archive, corrupt,
 * or one of its samples is unusable (no image member, a label that does not parse, an image that
 * does not decode). The message names the shard, the member (or the member after which the
 * problem lies) and the byte offset, then the reason:
 * {@code "train-0003.tar: member 000123.jpg (header at byte 51200): truncated: ..."}. The
 * underlying failure, if any, is the cause.
 */
public class ShardException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** The shard's path as given. */
    private final String shard;
    /** The member at fault, or null when the problem is the shard as a whole. */
    private final String member;
    /** Why, without shard or member. */
    private final String reason;

    /**
     * @param shard the shard's path as the shard list names it
     * @param member the member at fault (or a description such as {@code "after member 000122.cls"}),
     *        or null when the problem concerns the shard as a whole
     * @param offset the byte offset the problem was found at, or -1 when it does not apply
     * @param reason what is wrong
     * @param cause the underlying failure, or null
     */
    public ShardException(String shard, String member, long offset, String reason, Throwable cause) {
        super(MessageValues.shorten(shard) + ": " + (member == null ? "" : MessageValues.shorten(member) + (offset < 0 ? "" : " (at byte " + offset + ")") + ": ")
                + (member == null && offset >= 0 ? "at byte " + offset + ": " : "") + reason, cause);
        this.shard = shard;
        this.member = member;
        this.reason = reason;
    }

    /** The shard's path as the shard list names it. */
    public String shard() {
        return shard;
    }

    /** The member at fault, when the problem concerns one. */
    public Optional<String> member() {
        return Optional.ofNullable(member);
    }

    /** Why, without shard or member. */
    public String reason() {
        return reason;
    }
}
