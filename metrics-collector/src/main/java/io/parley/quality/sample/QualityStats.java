package io.parley.quality.sample;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * What one sample measured, normalised from either beacon format. Every value is optional
 * (a client that sends no video has no video bitrate); present values are finite and
 * non-negative, packet loss is a percentage (0–100).
 *
 * @param rttMs round-trip time of the selected ICE candidate pair, milliseconds
 * @param jitterMs inbound jitter, milliseconds
 * @param sendPacketLossPct share of sent packets lost, percent
 * @param recvPacketLossPct share of received packets lost, percent
 * @param sendBitrateBps everything sent, bits per second
 * @param recvBitrateBps everything received, bits per second
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record QualityStats(Double rttMs, Double jitterMs, Double sendPacketLossPct, Double recvPacketLossPct,
        Double sendBitrateBps, Double recvBitrateBps, Double audioSendBitrateBps, Double audioRecvBitrateBps,
        Double videoSendBitrateBps, Double videoRecvBitrateBps, Double framesPerSecond, Integer frameWidth,
        Integer frameHeight) {

    /** Not a measurement: kept out of the JSON of views and Kafka records. */
    @JsonIgnore
    public boolean isEmpty() {
        return rttMs == null && jitterMs == null && sendPacketLossPct == null && recvPacketLossPct == null
                && sendBitrateBps == null && recvBitrateBps == null && audioSendBitrateBps == null
                && audioRecvBitrateBps == null && videoSendBitrateBps == null && videoRecvBitrateBps == null
                && framesPerSecond == null && frameWidth == null && frameHeight == null;
    }
}
