package dev.tidings.fetch;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * How far inside the network an address is, in increasing order of privilege: what the redirect
 * guard compares. An IPv6 address that carries an IPv4 address (IPv4-mapped {@code ::ffff:a.b.c.d},
 * IPv4-compatible {@code ::a.b.c.d}, NAT64 {@code 64:ff9b::/96}, 6to4 {@code 2002::/16}, Teredo
 * {@code 2001::/32}) is judged by the IPv4 address it leads to, so {@code 64:ff9b::7f00:1} is this
 * machine and {@code 2002:c0a8:0101::} a private network.
 *
 * <pre>
 * Reach.of(InetAddress.getByName("64:ff9b::10.0.0.1")) == Reach.PRIVATE
 * Reach.of(InetAddress.getByName("64:ff9b::93.184.216.34")) == Reach.PUBLIC
 * </pre>
 */
enum Reach {
    PUBLIC, PRIVATE, LOCAL;

    static Reach of(InetAddress a) {
        byte[] b = a.getAddress();
        if (a instanceof Inet6Address) {
            Reach embedded = embeddedIpv4(b);
            if (embedded != null) {
                return embedded;
            }
        }
        if (a.isLoopbackAddress() || a.isAnyLocalAddress() || (a instanceof Inet4Address && b[0] == 0)) {
            return LOCAL;
        }
        if (a.isSiteLocalAddress() || a.isLinkLocalAddress() || a.isMulticastAddress()) {
            return PRIVATE;
        }
        boolean cgnat = a instanceof Inet4Address && (b[0] & 0xff) == 100 && (b[1] & 0xc0) == 64;
        boolean uniqueLocal = a instanceof Inet6Address && (b[0] & 0xfe) == 0xfc;
        // 64:ff9b:1::/48 is NAT64 for local use (RFC 8215): a private network by definition
        boolean localNat64 = a instanceof Inet6Address && u16(b, 0) == 0x64 && u16(b, 2) == 0xff9b && u16(b, 4) == 1;
        return cgnat || uniqueLocal || localNat64 ? PRIVATE : PUBLIC;
    }

    /** The reach of the IPv4 address an IPv6 address embeds, or null when it embeds none. */
    private static Reach embeddedIpv4(byte[] b) {
        if (b.length != 16) {
            return null;
        }
        boolean zero80 = allZero(b, 0, 10);
        if (zero80 && (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff) { // ::ffff:a.b.c.d (mapped)
            return v4(b[12], b[13], b[14], b[15]);
        }
        if (zero80 && b[10] == 0 && b[11] == 0 && !allZero(b, 12, 16) && !(allZero(b, 12, 15) && b[15] == 1)) {
            return v4(b[12], b[13], b[14], b[15]); // ::a.b.c.d (compatible; not :: or ::1)
        }
        if (u16(b, 0) == 0x64 && u16(b, 2) == 0xff9b && allZero(b, 4, 12)) { // NAT64 well-known prefix
            return v4(b[12], b[13], b[14], b[15]);
        }
        if (u16(b, 0) == 0x2002) { // 6to4: the gateway's IPv4 address follows the prefix
            return v4(b[2], b[3], b[4], b[5]);
        }
        if (u16(b, 0) == 0x2001 && u16(b, 2) == 0) { // Teredo: server, then the client obfuscated
            Reach server = v4(b[4], b[5], b[6], b[7]);
            Reach client = v4((byte) ~b[12], (byte) ~b[13], (byte) ~b[14], (byte) ~b[15]);
            return server.compareTo(client) >= 0 ? server : client;
        }
        return null;
    }

    private static Reach v4(byte a, byte b, byte c, byte d) {
        try {
            return of(InetAddress.getByAddress(new byte[] {a, b, c, d}));
        } catch (UnknownHostException e) {
            return LOCAL;
        }
    }

    private static int u16(byte[] b, int at) {
        return (b[at] & 0xff) << 8 | (b[at + 1] & 0xff);
    }

    private static boolean allZero(byte[] b, int from, int to) {
        for (int i = from; i < to; i++) {
            if (b[i] != 0) {
                return false;
            }
        }
        return true;
    }

    static Reach mostPrivate(InetAddress[] all) {
        Reach r = PUBLIC;
        for (InetAddress a : all) {
            r = of(a).compareTo(r) > 0 ? of(a) : r;
        }
        return r;
    }

    static Reach leastPrivate(InetAddress[] all) {
        Reach r = LOCAL;
        for (InetAddress a : all) {
            r = of(a).compareTo(r) < 0 ? of(a) : r;
        }
        return all.length == 0 ? PUBLIC : r;
    }
}
