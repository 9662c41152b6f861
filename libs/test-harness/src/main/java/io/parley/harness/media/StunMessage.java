package io.parley.harness.media;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A STUN message (RFC 5389) with the few attributes a TURN Allocate needs (RFC 5766);
 * long-term credentials sign it with MESSAGE-INTEGRITY.
 */
final class StunMessage {

    static final int BINDING_REQUEST = 0x0001;

    static final int BINDING_SUCCESS = 0x0101;

    static final int ALLOCATE_REQUEST = 0x0003;

    static final int ALLOCATE_SUCCESS = 0x0103;

    static final int ALLOCATE_ERROR = 0x0113;

    static final int USERNAME = 0x0006;

    static final int MESSAGE_INTEGRITY = 0x0008;

    static final int ERROR_CODE = 0x0009;

    static final int REALM = 0x0014;

    static final int NONCE = 0x0015;

    static final int XOR_RELAYED_ADDRESS = 0x0016;

    static final int REQUESTED_TRANSPORT = 0x0019;

    static final int MAGIC_COOKIE = 0x2112A442;

    private static final int HEADER = 20;

    private static final int INTEGRITY_ATTRIBUTE = 24;

    final int type;

    final byte[] transactionId;

    final Map<Integer, byte[]> attributes;

    private StunMessage(int type, byte[] transactionId, Map<Integer, byte[]> attributes) {
        this.type = type;
        this.transactionId = transactionId;
        this.attributes = attributes;
    }

    static StunMessage request(int type) {
        byte[] id = new byte[12];
        ThreadLocalRandom.current().nextBytes(id);
        return new StunMessage(type, id, new LinkedHashMap<>());
    }

    StunMessage with(int attribute, byte[] value) {
        attributes.put(attribute, value);
        return this;
    }

    StunMessage with(int attribute, String value) {
        return with(attribute, value.getBytes(StandardCharsets.UTF_8));
    }

    byte[] encode() {
        return header(body(), 0);
    }

    /** Encoded with MESSAGE-INTEGRITY last, keyed MD5(username:realm:password). */
    byte[] encodeSigned(String username, String realm, String password) {
        byte[] body = body();
        byte[] signedPart = header(body, INTEGRITY_ATTRIBUTE);
        byte[] hmac = hmacSha1(md5(username + ":" + realm + ":" + password), signedPart);
        return ByteBuffer.allocate(signedPart.length + INTEGRITY_ATTRIBUTE)
            .put(signedPart)
            .putShort((short) MESSAGE_INTEGRITY)
            .putShort((short) hmac.length)
            .put(hmac)
            .array();
    }

    private byte[] body() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        attributes.forEach((attribute, value) -> {
            int padded = (value.length + 3) / 4 * 4;
            ByteBuffer entry = ByteBuffer.allocate(4 + padded);
            entry.putShort((short) attribute.intValue()).putShort((short) value.length).put(value);
            out.writeBytes(entry.array());
        });
        return out.toByteArray();
    }

    /**
     * The header, whose length also counts {@code extra} bytes appended later, and body.
     */
    private byte[] header(byte[] body, int extra) {
        return ByteBuffer.allocate(HEADER + body.length)
            .putShort((short) type)
            .putShort((short) (body.length + extra))
            .putInt(MAGIC_COOKIE)
            .put(transactionId)
            .put(body)
            .array();
    }

    static StunMessage decode(byte[] data, int length) {
        ByteBuffer buffer = ByteBuffer.wrap(data, 0, length);
        int type = buffer.getShort() & 0xFFFF;
        int bodyLength = buffer.getShort() & 0xFFFF;
        if (buffer.getInt() != MAGIC_COOKIE || bodyLength + HEADER > length) {
            throw new IllegalArgumentException("Not a STUN message");
        }
        byte[] id = new byte[12];
        buffer.get(id);
        Map<Integer, byte[]> attributes = new LinkedHashMap<>();
        while (buffer.position() + 4 <= HEADER + bodyLength) {
            int attribute = buffer.getShort() & 0xFFFF;
            byte[] value = new byte[buffer.getShort() & 0xFFFF];
            buffer.get(value);
            buffer.position(buffer.position() + (4 - value.length % 4) % 4);
            attributes.put(attribute, value);
        }
        return new StunMessage(type, id, attributes);
    }

    boolean answers(StunMessage request) {
        return Arrays.equals(transactionId, request.transactionId);
    }

    String text(int attribute) {
        byte[] value = attributes.get(attribute);
        return (value != null) ? new String(value, StandardCharsets.UTF_8) : null;
    }

    /** The ERROR-CODE as a number (401, 438, ...), or 0 when there is none. */
    int errorCode() {
        byte[] value = attributes.get(ERROR_CODE);
        return (value != null) ? (value[2] & 0x07) * 100 + (value[3] & 0xFF) : 0;
    }

    /** An XOR-*-ADDRESS attribute of an IPv4 address as {@code ip:port}, or null. */
    String xorAddress(int attribute) {
        byte[] value = attributes.get(attribute);
        if (value == null || value.length < 8) {
            return null;
        }
        ByteBuffer buffer = ByteBuffer.wrap(value);
        buffer.getShort();
        int port = (buffer.getShort() & 0xFFFF) ^ (MAGIC_COOKIE >>> 16);
        int ip = buffer.getInt() ^ MAGIC_COOKIE;
        return (ip >>> 24) + "." + ((ip >>> 16) & 0xFF) + "." + ((ip >>> 8) & 0xFF) + "." + (ip & 0xFF) + ":" + port;
    }

    private static byte[] md5(String text) {
        try {
            return MessageDigest.getInstance("MD5").digest(text.getBytes(StandardCharsets.UTF_8));
        }
        catch (GeneralSecurityException ex) {
            throw new IllegalStateException("MD5 is not available", ex);
        }
    }

    private static byte[] hmacSha1(byte[] key, byte[] data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(key, "HmacSHA1"));
            return mac.doFinal(data);
        }
        catch (GeneralSecurityException ex) {
            throw new IllegalStateException("HmacSHA1 is not available", ex);
        }
    }

}
