package io.parley.signaling.sfu;

/**
 * Whether a meeting runs on the SFU once a participant joined. A meeting that is on the
 * SFU stays there (moving back would cost everyone a renegotiation for no gain, as in
 * Jitsi's P2P → JVB switch); an operator's {@code mesh} or {@code sfu} wins over a host's
 * choice, which wins over the operator's {@code auto}.
 */
public record MediaModeRule(boolean sfuAvailable, MediaMode deployment, int switchAt) {

    /**
     * @param meeting the host's choice for the meeting
     * @param participants how many are in the meeting, the one joining included
     * @param onSfu whether the meeting already runs on the SFU
     */
    public boolean useSfu(MediaMode meeting, int participants, boolean onSfu) {
        if (!sfuAvailable || deployment == MediaMode.MESH) {
            return false;
        }
        if (onSfu || deployment == MediaMode.SFU) {
            return true;
        }
        return switch (meeting) {
            case MESH -> false;
            case SFU -> true;
            case AUTO -> participants >= switchAt;
        };
    }

}
