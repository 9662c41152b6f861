package io.parley.signaling.session;

/**
 * A per-socket token bucket. Each socket's inbound messages are handled one after
 * another, so this needs no synchronisation beyond being confined to that socket.
 */
public final class TokenBucket {

    private final double perNano;

    private final double capacity;

    private double tokens;

    private long last;

    public TokenBucket(int perSecond, int burst, long nowNanos) {
        this.perNano = perSecond / 1_000_000_000d;
        this.capacity = burst;
        this.tokens = burst;
        this.last = nowNanos;
    }

    public boolean tryTake(long nowNanos) {
        tokens = Math.min(capacity, tokens + (nowNanos - last) * perNano);
        last = nowNanos;
        if (tokens >= 1) {
            tokens -= 1;
            return true;
        }
        return false;
    }

}
