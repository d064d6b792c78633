package dev.tidings.tui;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Queue;

/**
 * Takes what the terminal sends apart before Lanterna decodes keys: a bracketed paste
 * ({@code ESC[200~ ... ESC[201~}) and mouse reports (SGR {@code ESC[<b;x;yM}, urxvt
 * {@code ESC[b;x;yM}, X10 {@code ESC[Mbxy}) never reach the key decoder as keys. Each is replaced
 * in the byte stream by one marker character ({@link #PASTE} or {@link #MOUSE}, Unicode
 * noncharacters no terminal sends; real ones in the input are dropped) and its content is queued,
 * in order, for the reader to take when the marker comes out of the decoder. Everything else
 * passes unchanged. One pass, constant work per byte; a paste keeps at most {@link #MAX_PASTE}
 * bytes and drops the rest.
 */
final class InputSplitter {
    /** Stands for the next queued paste (a String). */
    static final char PASTE = '\uFDD0';
    /** Stands for the next queued {@link Mouse} report. */
    static final char MOUSE = '\uFDD1';
    /** The bytes of a paste kept; more is read and dropped. */
    static final int MAX_PASTE = 64 * 1024;
    /** Longest escape sequence examined; a longer one passes as it is. */
    private static final int MAX_HELD = 48;
    private static final byte ESC = 0x1b;
    private static final byte[] PASTE_END = {ESC, '[', '2', '0', '1', '~'};

    /** A mouse report: SGR button code (64/65 wheel up/down, 0-2 buttons, +32 motion), 1-based cell. */
    record Mouse(int button, int col, int row, boolean release) {
        boolean wheelUp() {
            return (button & ~0x1c) == 64;
        }

        boolean wheelDown() {
            return (button & ~0x1c) == 65;
        }

        /** A left-button press without motion. */
        boolean leftClick() {
            return (button & ~0x1c) == 0 && !release;
        }
    }

    private enum State { NORMAL, ESC, CSI, X10, PASTE, U1, U2 }

    private final ByteArrayOutputStream out;
    private final Queue<Object> events;
    private State state = State.NORMAL;
    private final byte[] held = new byte[MAX_HELD];
    private int heldLen;
    private final ByteArrayOutputStream paste = new ByteArrayOutputStream();
    private int endMatched;

    /** Bytes for the key decoder go to {@code out}; pastes (Strings) and {@link Mouse} reports to {@code events}. */
    InputSplitter(ByteArrayOutputStream out, Queue<Object> events) {
        this.out = out;
        this.events = events;
    }

    /** True while the start of a sequence is held back, waiting for its next byte. */
    boolean holding() {
        return state != State.NORMAL;
    }

    /** True inside a bracketed paste. */
    boolean inPaste() {
        return state == State.PASTE;
    }

    void feed(byte[] b, int off, int len) {
        for (int i = off; i < off + len; i++) {
            feed(b[i]);
        }
    }

    void feed(byte b) {
        switch (state) {
            case NORMAL:
                normal(b);
                return;
            case ESC:
                if (b == '[') {
                    hold(b);
                    state = State.CSI;
                } else {
                    release();
                    normal(b);
                }
                return;
            case CSI:
                csi(b);
                return;
            case X10:
                hold(b);
                if (heldLen == 6) {
                    mouse(new Mouse((held[3] & 0xff) - 32, (held[4] & 0xff) - 32, (held[5] & 0xff) - 32,
                            ((held[3] & 0xff) - 32 & 3) == 3));
                    heldLen = 0;
                    state = State.NORMAL;
                }
                return;
            case PASTE:
                pasteByte(b);
                return;
            case U1:
                if (b == (byte) 0xb7) {
                    hold(b);
                    state = State.U2;
                } else {
                    release();
                    normal(b);
                }
                return;
            case U2:
                if (b == (byte) 0x90 || b == (byte) 0x91) {
                    heldLen = 0; // a marker typed or pasted for real: dropped
                    state = State.NORMAL;
                } else {
                    release();
                    normal(b);
                }
                return;
            default:
                throw new IllegalStateException(state.name());
        }
    }

    /**
     * Nothing more came for a while: a held sequence start is passed on as it is (the Esc key, or
     * Alt-[), and a paste whose end never came is closed with what it had.
     */
    void flush() {
        if (state == State.PASTE) {
            finishPaste();
        } else if (state == State.X10) {
            heldLen = 0; // a cut-off mouse report is dropped
            state = State.NORMAL;
        } else if (state != State.NORMAL) {
            release();
        }
    }

    private void normal(byte b) {
        if (b == ESC) {
            hold(b);
            state = State.ESC;
        } else if (b == (byte) 0xef) {
            hold(b);
            state = State.U1;
        } else {
            out.write(b);
        }
    }

    /** After ESC [: parameters and intermediates are held until the final byte decides. */
    private void csi(byte b) {
        int c = b & 0xff;
        if (c == 'M' && heldLen == 2) {
            hold(b);
            state = State.X10;
            return;
        }
        if (c >= 0x20 && c <= 0x3f) {
            if (heldLen == MAX_HELD) {
                release();
                out.write(b);
                return;
            }
            hold(b);
            return;
        }
        if (c >= 0x40 && c <= 0x7e) {
            String params = new String(held, 2, heldLen - 2, StandardCharsets.US_ASCII);
            if (c == '~' && params.equals("200")) {
                heldLen = 0;
                paste.reset();
                endMatched = 0;
                state = State.PASTE;
                return;
            }
            if ((c == 'M' || c == 'm') && sgrMouse(params, c == 'm')) {
                heldLen = 0;
                state = State.NORMAL;
                return;
            }
            hold(b);
            release();
            return;
        }
        release(); // not a CSI after all
        normal(b);
    }

    /** "<b;x;y" (SGR) or "b;x;y" (urxvt): queued as a report; false when the parameters are not one. */
    private boolean sgrMouse(String params, boolean release) {
        boolean sgr = params.startsWith("<");
        String[] parts = (sgr ? params.substring(1) : params).split(";", -1);
        if (parts.length != 3) {
            return false;
        }
        int[] v = new int[3];
        for (int i = 0; i < 3; i++) {
            if (parts[i].isEmpty() || parts[i].length() > 5 || !parts[i].chars().allMatch(Character::isDigit)) {
                return false;
            }
            v[i] = Integer.parseInt(parts[i]);
        }
        int button = sgr ? v[0] : v[0] - 32; // urxvt sends the X10 code
        mouse(new Mouse(button, v[1], v[2], release || (!sgr && (button & 3) == 3)));
        return true;
    }

    private void mouse(Mouse m) {
        events.add(m);
        writeMarker(MOUSE);
    }

    private void pasteByte(byte b) {
        if (b == PASTE_END[endMatched]) {
            if (++endMatched == PASTE_END.length) {
                finishPaste();
            }
            return;
        }
        keep(PASTE_END, endMatched); // what looked like the end was text
        endMatched = 0;
        if (b == PASTE_END[0]) {
            endMatched = 1;
        } else if (paste.size() < MAX_PASTE) {
            paste.write(b);
        }
    }

    private void keep(byte[] bytes, int n) {
        int room = Math.max(0, MAX_PASTE - paste.size());
        paste.write(bytes, 0, Math.min(n, room));
    }

    private void finishPaste() {
        events.add(paste.toString(StandardCharsets.UTF_8));
        paste.reset();
        endMatched = 0;
        state = State.NORMAL;
        writeMarker(PASTE);
    }

    private void writeMarker(char marker) {
        byte[] utf8 = String.valueOf(marker).getBytes(StandardCharsets.UTF_8);
        out.write(utf8, 0, utf8.length);
    }

    private void hold(byte b) {
        held[heldLen++] = b;
    }

    /** Passes the held bytes on unchanged. */
    private void release() {
        out.write(held, 0, heldLen);
        heldLen = 0;
        state = State.NORMAL;
    }
}
