package io.parley.harness;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * Just enough of the PostgreSQL wire protocol (v3, simple query) to tell that a server
 * accepts sessions and to create databases, so the harness and the devstack need no JDBC
 * driver on their class path. Only the trust authentication the harness's servers use is
 * supported. A session runs a statement or two and is closed; the first error the server
 * reports ends it.
 */
final class PostgresSession implements AutoCloseable {

    private static final int PROTOCOL_3_0 = 196_608;

    private static final int AUTHENTICATION_OK = 0;

    private final Socket socket;

    private final DataInputStream in;

    private final DataOutputStream out;

    private PostgresSession(Socket socket) throws IOException {
        this.socket = socket;
        this.in = new DataInputStream(new BufferedInputStream(socket.getInputStream()));
        this.out = new DataOutputStream(new BufferedOutputStream(socket.getOutputStream()));
    }

    /**
     * Connects over loopback and completes the startup handshake, or fails (a server
     * still starting says 57P03).
     */
    static PostgresSession open(int port, String user, String database, Duration timeout) throws IOException {
        Socket socket = new Socket();
        try {
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), (int) timeout.toMillis());
            socket.setSoTimeout((int) timeout.toMillis());
            PostgresSession session = new PostgresSession(socket);
            session.startup(user, database);
            return session;
        }
        catch (IOException | RuntimeException ex) {
            socket.close();
            throw ex;
        }
    }

    private void startup(String user, String database) throws IOException {
        byte[] parameters = ("user\0" + user + "\0database\0" + database + "\0\0").getBytes(StandardCharsets.UTF_8);
        out.writeInt(8 + parameters.length);
        out.writeInt(PROTOCOL_3_0);
        out.write(parameters);
        out.flush();
        awaitReadyForQuery();
    }

    void execute(String sql) throws IOException {
        byte[] text = (sql + "\0").getBytes(StandardCharsets.UTF_8);
        out.writeByte('Q');
        out.writeInt(4 + text.length);
        out.write(text);
        out.flush();
        awaitReadyForQuery();
    }

    /**
     * Skips what the harness has no use for (parameter status, notices, rows) until the
     * server is idle again.
     */
    private void awaitReadyForQuery() throws IOException {
        while (true) {
            int type = in.readUnsignedByte();
            byte[] body = new byte[in.readInt() - 4];
            in.readFully(body);
            switch (type) {
                case 'R' -> requireTrust(body);
                case 'E' -> throw ServerError.parse(body);
                case 'Z' -> {
                    return;
                }
                default -> {
                    // not needed
                }
            }
        }
    }

    private void requireTrust(byte[] body) {
        int method = ByteBuffer.wrap(body).getInt();
        if (method != AUTHENTICATION_OK) {
            throw new HarnessException("The PostgreSQL server on port " + socket.getPort() + " asks for a password "
                    + "(authentication method " + method + "), but the harness's servers trust loopback sessions: "
                    + "is another server listening there?");
        }
    }

    @Override
    public void close() {
        try (socket) {
            out.writeByte('X');
            out.writeInt(4);
            out.flush();
        }
        catch (IOException ignored) {
            // the server may already have closed the session; the socket is closed either
            // way
        }
    }

    /**
     * An ErrorResponse: the SQLSTATE tells what went wrong (42P04: the database exists
     * already).
     */
    static final class ServerError extends IOException {

        private final String sqlState;

        private ServerError(String sqlState, String message) {
            super(message + " (SQLSTATE " + sqlState + ")");
            this.sqlState = sqlState;
        }

        String sqlState() {
            return sqlState;
        }

        /**
         * Fields are a type byte and a NUL-terminated string each, ended by a zero byte.
         */
        static ServerError parse(byte[] body) {
            String sqlState = "";
            String message = "";
            int position = 0;
            while (position < body.length && body[position] != 0) {
                byte field = body[position++];
                int end = position;
                while (end < body.length && body[end] != 0) {
                    end++;
                }
                String value = new String(body, position, end - position, StandardCharsets.UTF_8);
                if (field == 'C') {
                    sqlState = value;
                }
                else if (field == 'M') {
                    message = value;
                }
                position = end + 1;
            }
            return new ServerError(sqlState, message);
        }

    }

}
