package io.parley.meeting.meeting;

import java.util.Optional;

import io.parley.tokens.JoinToken;

/**
 * Who may run which host control, decided on a meeting snapshot and a verified token. The
 * token's role is the authority (it survives reconnects); the one thing a participant may
 * do to a participant is remove themself (leave).
 */
public final class HostRules {

    private HostRules() {
    }

    /** The host controls, named as in metrics and URLs. */
    public enum Command {

        MUTE_ALL("mute-all"), MUTE("mute"), REMOVE("remove"), TIMER("timer"), LOCK("lock"), END("end"),
        RECORDING_START("recording-start"), RECORDING_STOP("recording-stop");

        private final String label;

        Command(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }

    }

    /**
     * Why a command is refused, with the HTTP status and the {@code reason} a client
     * sees.
     */
    public enum Denial {

        ENDED(409, "ended"), OTHER_MEETING(403, "other-meeting"), NOT_HOST(403, "not-host"),
        NO_PARTICIPANT(404, "no-participant");

        private final int status;

        private final String reason;

        Denial(int status, String reason) {
            this.status = status;
            this.reason = reason;
        }

        public int status() {
            return status;
        }

        public String reason() {
            return reason;
        }

    }

    /**
     * @param target the participant the command acts on ({@code MUTE}, {@code REMOVE}),
     * otherwise null
     * @return why the caller may not, or empty when they may
     */
    public static Optional<Denial> check(Command command, Meeting meeting, JoinToken caller, String target) {
        if (!meeting.state().acceptsCommands()) {
            return Optional.of(Denial.ENDED);
        }
        if (!meeting.id().equals(caller.meetingId())) {
            return Optional.of(Denial.OTHER_MEETING);
        }
        boolean leaving = command == Command.REMOVE && caller.participantId().equals(target);
        if (!caller.isHost() && !leaving) {
            return Optional.of(Denial.NOT_HOST);
        }
        if (target != null && meeting.participant(target).isEmpty()) {
            return Optional.of(Denial.NO_PARTICIPANT);
        }
        return Optional.empty();
    }

}
