package io.parley.quality.trend;

import java.time.LocalDate;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One UTC day of an organization's calls.
 *
 * @param day the day
 * @param meetings meetings that sent at least one sample that day
 * @param participants participants (per meeting) that sent at least one sample
 * @param participantMinutes the minutes in which a participant sent at least one sample,
 * summed over participants
 * @param samples samples measured that day
 * @param rttMs round-trip time; absent when nothing measured it
 * @param recvPacketLossPct packet loss on the receiving side, percent
 * @param recvBitrateBps receive bitrate, bits per second
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DayQuality(LocalDate day, long meetings, long participants, long participantMinutes, long samples,
        Percentiles rttMs, Percentiles recvPacketLossPct, Percentiles recvBitrateBps) {

}
