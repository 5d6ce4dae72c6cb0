package io.forewarn.logs.template;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** A deterministic synthetic message stream that exercises matching, generalisation and merges. */
final class SyntheticLogs {

    private static final String[] USERS = {"alice", "bob", "carol", "dave", "erin"};
    private static final String[] SERVICES = {"cupsd", "sshd", "crond", "httpd", "named", "ntpd"};
    private static final String[] ACTIONS = {"startup", "shutdown"};

    private SyntheticLogs() {}

    static List<String> stream(int lines, long seed) {
        Random r = new Random(seed);
        List<String> out = new ArrayList<>(lines);
        for (int i = 0; i < lines; i++) {
            out.add(line(r));
        }
        return out;
    }

    private static String line(Random r) {
        switch (r.nextInt(10)) {
            case 0:
                return "session opened for user "
                        + pick(r, USERS)
                        + " by (uid="
                        + r.nextInt(5)
                        + ")";
            case 1:
                return pick(r, SERVICES) + " " + pick(r, ACTIONS) + " succeeded";
            case 2:
                return "Received block blk_"
                        + r.nextLong()
                        + " of size "
                        + r.nextInt(1 << 26)
                        + " from /10.250."
                        + r.nextInt(256)
                        + "."
                        + r.nextInt(256);
            case 3:
                return "connection from 172.16."
                        + r.nextInt(256)
                        + "."
                        + r.nextInt(256)
                        + " ("
                        + (r.nextBoolean() ? "" : "host-" + r.nextInt(99) + ".example.net")
                        + ") at "
                        + "Tue Jul "
                        + (1 + r.nextInt(28))
                        + " 05:"
                        + (10 + r.nextInt(50))
                        + ":42 2005";
            case 4:
                return "job"
                        + (char) ('a' + r.nextInt(26))
                        + (char) ('a' + r.nextInt(26))
                        + " finished in "
                        + r.nextInt(900)
                        + " ms";
            case 5:
                return "Fan speeds ( "
                        + r.nextInt(5000)
                        + " "
                        + (r.nextBoolean() ? "****" : "" + r.nextInt(5000))
                        + " )";
            case 6:
                return "worker-"
                        + r.nextInt(4)
                        + " processed "
                        + r.nextInt(100)
                        + " items for tenant "
                        + pick(r, USERS);
            case 7:
                return "Loading hive "
                        + pick(r, SERVICES).toUpperCase()
                        + ", key '{"
                        + java.util.UUID.nameUUIDFromBytes(new byte[] {(byte) r.nextInt()})
                        + "}'";
            case 8:
                if (r.nextBoolean()) {
                    StringBuilder ids = new StringBuilder();
                    for (int k = r.nextInt(4); k >= 0; k--) {
                        ids.append(" blk_").append(r.nextInt(100_000));
                    }
                    return "ask 10.0.0." + r.nextInt(256) + ":50010 to delete" + ids;
                }
                return "open ("
                        + (r.nextInt(3) == 0 ? "" : Integer.toString(r.nextInt(9)))
                        + ") flag="
                        + r.nextBoolean();
            default:
                return "interface "
                        + pick(r, new String[] {"eth0", "wlan0", "lo"})
                        + " state "
                        + pick(r, new String[] {"up", "down"});
        }
    }

    private static String pick(Random r, String[] values) {
        return values[r.nextInt(values.length)];
    }
}
