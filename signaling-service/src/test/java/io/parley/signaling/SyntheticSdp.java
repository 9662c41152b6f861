package io.parley.signaling;

import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Session descriptions as a browser would write them, for driving Janus without a media
 * stack: an offer to publish audio and video. Janus negotiates with it; no media flows
 * (that is what the browser tests are for).
 */
final class SyntheticSdp {

    private static final String FINGERPRINT = fingerprint();

    private SyntheticSdp() {
    }

    /** An offer that publishes one Opus and one VP8 stream, all candidates included. */
    static String publishOffer() {
        return String.join("\r\n", "v=0",
                "o=- " + ThreadLocalRandom.current().nextLong(1, Long.MAX_VALUE) + " 2 IN IP4 127.0.0.1", "s=-",
                "t=0 0", "a=group:BUNDLE 0 1", "a=msid-semantic: WMS parley", "m=audio 9 UDP/TLS/RTP/SAVPF 111",
                "c=IN IP4 0.0.0.0", "a=rtcp:9 IN IP4 0.0.0.0", credentials(), "a=setup:actpass", "a=mid:0",
                "a=sendonly", "a=msid:parley audio0", "a=rtcp-mux", "a=rtpmap:111 opus/48000/2",
                "a=fmtp:111 minptime=10;useinbandfec=1", "a=ssrc:11111111 cname:parley",
                "m=video 9 UDP/TLS/RTP/SAVPF 96", "c=IN IP4 0.0.0.0", "a=rtcp:9 IN IP4 0.0.0.0", credentials(),
                "a=setup:actpass", "a=mid:1", "a=sendonly", "a=msid:parley video0", "a=rtcp-mux",
                "a=rtpmap:96 VP8/90000", "a=rtcp-fb:96 nack", "a=rtcp-fb:96 nack pli", "a=ssrc:22222222 cname:parley",
                "");
    }

    private static String credentials() {
        return "a=ice-ufrag:prly\r\na=ice-pwd:parleyparleyparleyparley\r\na=fingerprint:sha-256 " + FINGERPRINT;
    }

    private static String fingerprint() {
        byte[] fingerprint = new byte[32];
        ThreadLocalRandom.current().nextBytes(fingerprint);
        return HexFormat.ofDelimiter(":").withUpperCase().formatHex(fingerprint);
    }

}
