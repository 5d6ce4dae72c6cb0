package io.forewarn.logs.template;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A deterministic mixed stream of log messages in the style of eight well-known system logs (a
 * distributed file system, a data-processing engine, a supercomputer's RAS log, a cluster's node
 * log, a Windows servicing log, a Linux syslog, a phone health app and a desktop proxy), written
 * for this project: every message comes from a template with placeholders filled at random.
 *
 * <p>It stands in for the Loghub samples where the build must not depend on them (tests, the
 * default of the benchmark). Placeholders: {@code {int}}, {@code {small}}, {@code {long}}, {@code
 * {hex}}, {@code {ip}}, {@code {ipport}}, {@code {blk}}, {@code {path}}, {@code {host}}, {@code
 * {node}}, {@code {rack}}, {@code {float}}, {@code {time}}, {@code {user}}, {@code {word}}.
 */
public final class SyntheticSystemLogs {

    private static final String[][] SYSTEMS = {
        { // distributed file system
            "Receiving block {blk} src: /{ipport} dest: /{ipport}",
            "Received block {blk} of size {int} from /{ip}",
            "PacketResponder {small} for block {blk} terminating",
            "BLOCK* NameSystem.addStoredBlock: blockMap updated: {ipport} is added to {blk} size"
                    + " {int}",
            "BLOCK* NameSystem.allocateBlock: {path}. {blk}",
            "BLOCK* NameSystem.delete: {blk} is added to invalidSet of {ipport}",
            "Deleting block {blk} file {path}",
            "BLOCK* ask {ipport} to replicate {blk} to datanode(s) {ipport}",
            "{ipport}:Got exception while serving {blk} to /{ip}:",
            "{ipport}:Transmitted block {blk} to /{ipport}",
            "Verification succeeded for {blk}",
            "writeBlock {blk} received exception java.io.IOException: Connection reset by peer",
        },
        { // data-processing engine
            "Running task {small}.0 in stage {int}.0 (TID {int})",
            "Finished task {small}.0 in stage {int}.0 (TID {int}). {int} bytes result sent to"
                    + " driver",
            "Found block rdd_{int}_{small} locally",
            "Partition rdd_{int}_{small} not found, computing it",
            "Started reading broadcast variable {int}",
            "Reading broadcast variable {int} took {int} ms",
            "Block broadcast_{int} stored as values in memory (estimated size {float} KB, free"
                    + " {float} GB)",
            "Block broadcast_{int}_piece0 stored as bytes in memory (estimated size {float} KB,"
                    + " free {float} GB)",
            "Getting {int} non-empty blocks out of {int} blocks",
            "Started {int} remote fetches in {int} ms",
            "Got assigned task {int}",
            "Changing view acls to: {user}",
            "Changing modify acls to: {user}",
            "SecurityManager: authentication disabled; ui acls disabled; users with view"
                    + " permissions: Set({user})",
            "Successfully started service 'sparkExecutorActorSystem' on port {int}.",
            "Registered signal handlers for [TERM, HUP, INT]",
            "Executor is trying to kill task {small}.0 in stage {int}.0 (TID {int})",
            "Saved output of task 'attempt_{long}_{int}_m_{int}_{small}' to"
                    + " hdfs://{host}/user/{user}/out",
        },
        { // supercomputer RAS log
            "instruction cache parity error corrected",
            "data cache parity error corrected",
            "generating core.{int}",
            "CE sym {int}, at {hex}, mask {hex}",
            "total of {int} ddr error(s) detected and corrected",
            "ddr: activating redundant bit steering: rank={small} symbol={int}",
            "machine check interrupt (bit={hex}): L2 dcache unit data parity error",
            "machine state register: {hex}",
            "data TLB error interrupt",
            "program interrupt: fp cr update",
            "floating point unavailable interrupt",
            "ciod: failed to read message prefix on control stream (CioStream socket to {ipport}",
            "ciod: Error loading {path}: invalid or missing program image, Permission denied",
            "ciod: LOGIN chdir({path}) failed: No such file or directory",
            "Lustre mount FAILED : {rack} : point {path}",
            "idoproxydb hit ASSERT condition: ASSERT expression=0 Source file=idotransportmgr.cpp"
                    + " Source line={int} Function=int IdoTransportMgr::SendPacket(IdoUdpMgr*,"
                    + " BglCtlPavTrace*)",
            "NodeCard is not fully functional",
            "Node card VPD check: {rack} node in processor card slot J{int} do not match. VPD ecid"
                    + " {hex}, found {hex}",
            "rts: kernel terminated for reason {int}",
            "iar {hex} dear {hex}",
            "{int} floating point alignment exceptions",
            "MidplaneSwitchController performing bit sparing on {rack} bit {int}",
        },
        { // cluster node log
            "NIFF: node {node} detected a failed network connection on network {ip} via interface"
                    + " alt0",
            "NIFF: node {node} has detected an available network connection on network {ip} via"
                    + " interface alt0",
            "Fan speeds ( {int} {int} {int} **** {int} {int} )",
            "ambient={int}",
            "Component State Change: Component \\042SCSI-WWID:{hex}\\042 is in the unavailable"
                    + " state (HWID={int})",
            "Temperature ({int}C) exceeds warning threshold",
            "Command has completed successfully",
            "Targeting domains:{node} and nodes:{node} child of command {int}",
            "boot (command {int}) Error: Couldn't connect to console: Connection refused",
            "halt (command {int}) Error: Couldn't connect to console: Connection refused",
            "configured out",
            "running running",
            "PSU status ( on on )",
            "Link error on broadcast tree Interconnect-{small}T{int}:{small}:{small}",
            "ServerFileSystem domain {node} is full",
        },
        { // Windows servicing log
            "Session: {int}_{int} initialized by client WindowsUpdateAgent.",
            "Session: {int}_{int} finalized. Reboot required: no [HRESULT = {hex}]",
            "Read out cached package applicability for package:"
                    + " Package_for_KB{int}~31bf3856ad364e35~amd64~~6.1.1.{small}, ApplicableState:"
                    + " {int}, CurrentState:{int}",
            "{hex}@{time} PopulateComponentFamiliesKey - Begin",
            "{hex}@{time} PopulateComponentFamiliesKey - End",
            "{hex}@{time} CSI Transaction @{hex} initialized for deployment engine {hex} with flags"
                    + " {hex} and client id [{small}]\"TI5.{int}:{small}/\"",
            "{hex}@{time} CSI Transaction @{hex} destroyed",
            "Loaded Servicing Stack v6.1.7601.{int} with Core:"
                    + " C:\\Windows\\winsxs\\amd64_microsoft-windows-servicingstack_31bf3856ad364e35_6.1.7601.{int}_none_{hex}\\cbscore.dll",
            "Failed to internally open package. [HRESULT = {hex} - CBS_E_INVALID_PACKAGE]",
            "Expecting attribute name [HRESULT = {hex} - CBS_E_MANIFEST_INVALID_ITEM]",
            "Warning: Unrecognized packageExtended attribute.",
            "Starting TrustedInstaller initialization.",
            "Ending TrustedInstaller initialization.",
            "SQM: Initializing online with Windows opt-in: False",
            "SQM: Cleaning up report files older than {small} days.",
            "Scavenge: Starts",
            "NonStart: Checking to ensure startup processing was not required.",
        },
        { // Linux syslog
            "authentication failure; logname= uid={small} euid={small} tty=NODEVssh ruser="
                    + " rhost={ip}",
            "authentication failure; logname= uid={small} euid={small} tty=NODEVssh ruser="
                    + " rhost={ip} user=root",
            "check pass; user unknown",
            "session opened for user {user} by (uid={small})",
            "session closed for user {user}",
            "connection from {ip} () at Sun Jul {small} {time} 2005",
            "connection from {ip} ({host}) at Sun Jul {small} {time} 2005",
            "ALERT exited abnormally with [{small}]",
            "{word} startup succeeded",
            "{word} shutdown succeeded",
            "Kerberos authentication failed",
            "couldn't add command channel to notify list",
            "Linux version 2.6.{small}-1.{int}_FC1 (bhcompile@{host}) (gcc version 3.3.2 20031022"
                    + " (Red Hat Linux 3.3.2-1)) #1 Mon Jan {small} 09:49:22 EST 2004",
            "BIOS-e820: {hex} - {hex} (usable)",
            "Memory: {int}k/{int}k available ({int}k kernel code, {int}k reserved)",
            "audit({float}:{small}): initialized",
            "klogd {small}.4.1, log source = /proc/kmsg started.",
            "Received SNMP packet(s) from {ip}",
            "getpeername (ftpd): Transport endpoint is not connected",
            "user {user}: unknown user name",
        },
        { // phone health app
            "onStandStepChanged {int}",
            "onExtend:{long} {small} {int} {int}",
            "REPORT : {int} {int} {int} {int}",
            "processHandleBroadcastAction action:android.intent.action.SCREEN_ON",
            "processHandleBroadcastAction action:android.intent.action.TIME_TICK",
            "onReceive action: android.intent.action.SCREEN_OFF",
            "getTodayTotalDetailSteps = {long}##{int}##{int}##{int}##{int}##{long}",
            "setTodayTotalDetailSteps={long}##{int}##{int}##{int}##{int}##{long}",
            "calculateCaloriesWithCache totalCalories={int}",
            "calculateAltitudeWithCache totalAltitude={int}",
            "insertHiHealthData() bulkSaveDetailHiHealthData fail errorCode = {small},errorMessage"
                    + " = ERR_DATA_INSERT",
            "flush sensor data",
            "upLoadOneMinuteDataToEngine time={long}",
            "screen status unknown,think screen on",
            "setGoalNotifiShown(false)",
            "startListener",
        },
        { // desktop proxy
            "{host}:{int} open through proxy proxy.example.org:5070 HTTPS",
            "{host}:{int} close, {int} bytes sent, {int} bytes received, lifetime {small}:{small}",
            "{host}:{int} close, {int} bytes ({float} KB) sent, {int} bytes ({float} KB) received,"
                    + " lifetime <1 sec",
            "{host}:{int} error : Could not connect to proxy proxy.example.org:5070 - connection"
                    + " attempt failed with error {int}",
            "{host}:{int} error : A connection request was canceled before the completion.",
            "open through proxy proxy.example.org:5070 HTTPS",
        },
    };

    private static final String[] USERS = {
        "root", "test", "guest", "admin", "cyrus", "news", "yarn"
    };
    private static final String[] WORDS = {
        "cups", "sshd", "crond", "httpd", "named", "ntpd", "xinetd"
    };
    private static final String[] DOMAINS = {"example.com", "example.net", "cdn.example.org"};

    private SyntheticSystemLogs() {}

    /** Number of systems in the stream. */
    public static int systems() {
        return SYSTEMS.length;
    }

    /** {@code linesPerSystem} messages of each system, interleaved round-robin. */
    public static List<String> mixedStream(int linesPerSystem, long seed) {
        Random random = new Random(seed);
        List<String> out = new ArrayList<>(linesPerSystem * SYSTEMS.length);
        for (int i = 0; i < linesPerSystem; i++) {
            for (String[] system : SYSTEMS) {
                out.add(render(system[skewed(random, system.length)], random));
            }
        }
        return out;
    }

    /** Messages of one system, {@code 0 <= system < systems()}. */
    public static List<String> system(int system, int lines, long seed) {
        Random random = new Random(seed);
        String[] templates = SYSTEMS[system];
        List<String> out = new ArrayList<>(lines);
        for (int i = 0; i < lines; i++) {
            out.add(render(templates[skewed(random, templates.length)], random));
        }
        return out;
    }

    /** Some templates are far more frequent than others, as in real logs. */
    private static int skewed(Random random, int n) {
        double u = random.nextDouble();
        return (int) (n * u * u);
    }

    private static String render(String template, Random r) {
        StringBuilder out = new StringBuilder(template.length() + 32);
        int pos = 0;
        while (true) {
            int open = template.indexOf('{', pos);
            int close = open < 0 ? -1 : template.indexOf('}', open);
            if (close < 0) {
                return out.append(template, pos, template.length()).toString();
            }
            out.append(template, pos, open);
            String name = template.substring(open + 1, close);
            String value = value(name, r);
            if (value == null) {
                out.append(template, open, close + 1); // not a placeholder: literal braces
            } else {
                out.append(value);
            }
            pos = close + 1;
        }
    }

    private static String value(String name, Random r) {
        switch (name) {
            case "int":
                return Integer.toString(r.nextInt(100_000));
            case "small":
                return Integer.toString(r.nextInt(10));
            case "long":
                return Long.toString(r.nextLong() >>> 4);
            case "hex":
                return "0x" + Integer.toHexString(r.nextInt());
            case "ip":
                return "10." + r.nextInt(256) + "." + r.nextInt(256) + "." + r.nextInt(256);
            case "ipport":
                return "10."
                        + r.nextInt(256)
                        + "."
                        + r.nextInt(256)
                        + "."
                        + r.nextInt(256)
                        + ":"
                        + (1024 + r.nextInt(60_000));
            case "blk":
                return "blk_" + (r.nextBoolean() ? "-" : "") + (r.nextLong() >>> 2);
            case "path":
                return "/user/"
                        + USERS[r.nextInt(USERS.length)]
                        + "/data-"
                        + r.nextInt(1000)
                        + "/part-"
                        + r.nextInt(100_000);
            case "host":
                return "h" + r.nextInt(1000) + "." + DOMAINS[r.nextInt(DOMAINS.length)];
            case "node":
                return "node-" + r.nextInt(256);
            case "rack":
                return "R"
                        + r.nextInt(64)
                        + "-M"
                        + r.nextInt(2)
                        + "-N"
                        + r.nextInt(16)
                        + "-C:J"
                        + r.nextInt(18)
                        + "-U"
                        + r.nextInt(12);
            case "float":
                return r.nextInt(1000) + "." + r.nextInt(10);
            case "time":
                return String.format(
                        java.util.Locale.ROOT,
                        "%02d:%02d:%02d",
                        r.nextInt(24),
                        r.nextInt(60),
                        r.nextInt(60));
            case "user":
                return USERS[r.nextInt(USERS.length)];
            case "word":
                return WORDS[r.nextInt(WORDS.length)];
            default:
                return null;
        }
    }
}
