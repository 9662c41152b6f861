package io.parley.signaling.sfu;

import java.util.Map;
import java.util.function.Consumer;

import io.parley.signaling.leases.StreamLeases;
import io.parley.signaling.protocol.MessageType;
import io.parley.signaling.protocol.ServerMessages;
import io.parley.signaling.session.Connection;

/**
 * Which camera videos one participant receives: what the room publishes and the client's
 * {@code sfu-view} go into the subscription, the video leases follow the videos wanted
 * and bound how many the subscription asks for, and the client hears whose video the
 * limit holds back ({@code sfu-videos}). The subscription's own monitor guards it, here
 * and in {@link SfuSubscriber}.
 */
final class ReceivedVideos {

    private final Subscription subscription;

    private final VideoLeases leases;

    private final VideosTold told = new VideosTold();

    private final Connection connection;

    private final ServerMessages messages;

    private final Runnable leased;

    private volatile boolean closed;

    /** {@code leased}: called when the leases changed how many videos are allowed. */
    ReceivedVideos(Subscription subscription, StreamLeases leases, Connection connection, ServerMessages messages,
            Runnable leased) {
        this.subscription = subscription;
        this.connection = connection;
        this.messages = messages;
        this.leased = leased;
        this.leases = new VideoLeases(leases, connection, this::wanted, this::allow);
        subscription.allow(this.leases.allowed());
    }

    /**
     * Changes what is published or wanted, then takes or gives back leases for the videos
     * wanted now.
     */
    void change(Consumer<Subscription> change) {
        synchronized (subscription) {
            change.accept(subscription);
        }
        leases.cover();
    }

    /** Renews the video leases and tries again for videos the limit held back. */
    void renew() {
        leases.renew();
    }

    /** Whether the leases are deciding how many videos to ask for. */
    boolean changing() {
        return leases.changing();
    }

    /** {@code sfu-videos}, when whose video is received or held back changed. */
    void tell() {
        Map<String, Object> news;
        synchronized (subscription) {
            news = closed ? null : told.news(subscription.videos());
        }
        if (news != null) {
            connection.send(messages.of(MessageType.SFU_VIDEOS, news));
        }
    }

    /** Gives back the leases; the client is told nothing more. */
    void close() {
        closed = true;
        leases.release();
    }

    private int wanted() {
        synchronized (subscription) {
            return subscription.wantedVideos();
        }
    }

    /** As many videos as the leases allow now. */
    private void allow() {
        synchronized (subscription) {
            subscription.allow(leases.allowed());
        }
        if (!closed) {
            leased.run();
        }
    }

}
