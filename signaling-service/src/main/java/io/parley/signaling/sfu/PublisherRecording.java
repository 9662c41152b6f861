package io.parley.signaling.sfu;

/**
 * Whether a participant publishes and which recording its streams go to, so that Janus is
 * asked to start or stop recording them once each time. A participant that publishes
 * nothing yet is not recorded: its first publish comes back here.
 */
final class PublisherRecording {

    private boolean published;

    /** The recording this publisher's streams go to, or null. */
    private String recording;

    private boolean closed;

    /** Whether Janus published an offer of the participant already. */
    synchronized boolean publishes() {
        return published;
    }

    /** Janus published the participant's offer. */
    synchronized void published() {
        published = true;
    }

    /**
     * Whether to ask Janus to record into the recording, which is then taken as started:
     * not while nothing is published, after the close, or when it records into it
     * already.
     */
    synchronized boolean start(String recordingId) {
        if (!published || closed || recordingId.equals(recording)) {
            return false;
        }
        recording = recordingId;
        return true;
    }

    /** Janus did not start the recording: a later start asks again. */
    synchronized void failed(String recordingId) {
        if (recordingId.equals(recording)) {
            recording = null;
        }
    }

    /** Whether to ask Janus to stop recording, which is then taken as stopped. */
    synchronized boolean stop() {
        if (recording == null || closed) {
            return false;
        }
        recording = null;
        return true;
    }

    synchronized boolean recording() {
        return recording != null && !closed;
    }

    /** Publishes media that no recording captures. */
    synchronized boolean unrecorded() {
        return published && recording == null && !closed;
    }

    /** Janus closes the recorders with the session: nothing is asked afterwards. */
    synchronized void close() {
        closed = true;
    }

}
