import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.ShareGroupDescription;
import org.apache.kafka.clients.admin.ShareMemberDescription;
import org.apache.kafka.clients.consumer.AcknowledgeType;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.KafkaShareConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * A lab "app instance" on Kafka's own Java clients: N members of one KIP-848 consumer group
 * (group.protocol=consumer) or one share group, one thread each. It speaks the kafkajs worker's
 * protocol (server/lab/protocol.ts) as JSON lines: orders on stdin, reports on stdout, so the
 * supervisor needs no special case. stdin closing means the dashboard is gone: every member
 * leaves its group and the process exits within seconds.
 */
public final class LabWorker {
  private static final ObjectMapper JSON = new ObjectMapper();
  /** The protocol's own stream: System.out goes to stderr, so no library line can corrupt it. */
  private static final PrintStream OUT =
      new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
  private static final long REPORT_EVERY_MS = 250;
  private static final long ORPHAN_EXIT_MS = 3_000;

  private static Map<String, Object> config;
  private static String protocol;
  private static final List<Member> members = new CopyOnWriteArrayList<>();
  private static volatile boolean paused = false;
  private static volatile boolean dirty = false;
  private static volatile boolean stopping = false;
  /** Commands run one after another, like the kafkajs worker's queue. */
  private static final ScheduledExecutorService commands = Executors.newSingleThreadScheduledExecutor();
  private static final ScheduledExecutorService timers = Executors.newScheduledThreadPool(1, r -> {
    Thread t = new Thread(r, "lab-timers");
    t.setDaemon(true);
    return t;
  });
  private static Admin admin;

  /** One group member: its own client and thread. */
  static final class Member {
    final int k;
    final String clientId;
    volatile String memberId;
    volatile List<TopicPartition> assignment = List.of();
    volatile long consumed = 0;
    volatile boolean joined = false;
    volatile boolean closing = false;
    KafkaConsumer<byte[], byte[]> consumer;
    KafkaShareConsumer<byte[], byte[]> share;
    Thread thread;

    Member(int k) {
      this.k = k;
      this.clientId = "lab-" + config.get("name") + "-" + k;
    }
  }

  static synchronized void send(Map<String, Object> message) {
    try {
      OUT.println(JSON.writeValueAsString(message));
    } catch (Exception e) {
      System.err.println("could not write a report: " + e.getMessage());
    }
  }

  static void problem(String message) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("type", "problem");
    m.put("message", message);
    send(m);
  }

  static void reportNow() {
    dirty = false;
    List<Map<String, Object>> list = new ArrayList<>();
    List<Member> sorted = new ArrayList<>(members);
    sorted.sort(Comparator.comparingInt(m -> m.k));
    for (Member m : sorted) {
      Map<String, Object> c = new LinkedHashMap<>();
      c.put("clientId", m.clientId);
      c.put("memberId", m.joined ? m.memberId : null);
      List<Map<String, Object>> parts = new ArrayList<>();
      for (TopicPartition tp : m.assignment) parts.add(Map.of("topic", tp.topic(), "partition", tp.partition()));
      c.put("assignments", parts);
      c.put("consumed", m.consumed);
      list.add(c);
    }
    Map<String, Object> msg = new LinkedHashMap<>();
    msg.put("type", "state");
    msg.put("consumers", list);
    send(msg);
  }

  @SuppressWarnings("unchecked")
  static Properties clientProps(String clientId) {
    Properties p = new Properties();
    p.put("bootstrap.servers", String.join(",", (List<String>) config.get("bootstrap")));
    p.put("client.id", clientId);
    p.put("group.id", config.get("groupId"));
    p.put("key.deserializer", ByteArrayDeserializer.class.getName());
    p.put("value.deserializer", ByteArrayDeserializer.class.getName());
    return p;
  }

  static List<TopicPartition> sortedParts(Set<TopicPartition> parts) {
    List<TopicPartition> out = new ArrayList<>(parts);
    out.sort(Comparator.comparing(TopicPartition::topic).thenComparingInt(TopicPartition::partition));
    return out;
  }

  @SuppressWarnings("unchecked")
  static List<String> topics() {
    return (List<String>) config.get("topics");
  }

  static int delayMs() {
    return ((Number) config.get("processingDelayMs")).intValue();
  }

  /** Sleeps the per-message delay in short steps, so a member being taken away stops soon. */
  static void processingDelay(Member m) throws InterruptedException {
    long until = System.currentTimeMillis() + delayMs();
    while (!m.closing && System.currentTimeMillis() < until) Thread.sleep(Math.min(50, until - System.currentTimeMillis()));
  }

  static void runConsumer(Member m) {
    Properties p = clientProps(m.clientId);
    p.put("group.protocol", "consumer");
    p.put("auto.offset.reset", "earliest");
    p.put("auto.commit.interval.ms", "500");
    // One record at a time from poll: the per-message delay then stays per message.
    p.put("max.poll.records", delayMs() > 0 ? "1" : "500");
    KafkaConsumer<byte[], byte[]> c = new KafkaConsumer<>(p);
    m.consumer = c;
    try {
      c.subscribe(topics());
      while (!m.closing) {
        // The coordinator moves partitions one at a time; the assignment is read after every
        // poll so each move is reported within a poll interval.
        if (paused) c.pause(c.assignment());
        else if (!c.paused().isEmpty()) c.resume(c.paused());
        ConsumerRecords<byte[], byte[]> records = c.poll(Duration.ofMillis(200));
        // A poll under way when pause (or close) came may still return records: those not yet
        // processed are put back (seek to the first of each partition), so "paused" means nothing
        // more is read, and the position auto-commit stores is what was really processed.
        Map<TopicPartition, Long> putBack = new HashMap<>();
        for (ConsumerRecord<byte[], byte[]> r : records) {
          TopicPartition tp = new TopicPartition(r.topic(), r.partition());
          if (paused || m.closing || putBack.containsKey(tp)) {
            putBack.putIfAbsent(tp, r.offset());
            continue;
          }
          processingDelay(m);
          m.consumed++;
          dirty = true;
        }
        putBack.forEach(c::seek);
        List<TopicPartition> now = sortedParts(c.assignment());
        String id = c.groupMetadata().memberId();
        boolean joined = c.groupMetadata().generationId() > 0;
        if (!now.equals(m.assignment) || joined != m.joined || !id.equals(m.memberId)) {
          m.assignment = now;
          m.memberId = id;
          m.joined = joined;
          dirty = true;
        }
      }
    } catch (WakeupException e) {
      // closing
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (Exception e) {
      problem(m.clientId + ": " + e.getMessage());
    } finally {
      // close() sends the leave heartbeat (member epoch -1): the group reassigns at once.
      c.close(Duration.ofSeconds(5));
    }
  }

  static void runShare(Member m) {
    Properties p = clientProps(m.clientId);
    // Each record acknowledged on its own, the way a queue consumer works.
    p.put("share.acknowledgement.mode", "explicit");
    // A paused share member does not poll; its heartbeats go on in the client's own thread.
    p.put("max.poll.interval.ms", String.valueOf(TimeUnit.HOURS.toMillis(1)));
    KafkaShareConsumer<byte[], byte[]> c = new KafkaShareConsumer<>(p);
    m.share = c;
    try {
      c.subscribe(topics());
      while (!m.closing) {
        if (paused) {
          Thread.sleep(100);
          continue;
        }
        ConsumerRecords<byte[], byte[]> records = c.poll(Duration.ofMillis(200));
        for (ConsumerRecord<byte[], byte[]> r : records) {
          if (m.closing || paused) {
            // Handed back, so another member gets it now rather than after the lock timeout
            // (and a paused member holds nothing it will not process).
            c.acknowledge(r, AcknowledgeType.RELEASE);
            continue;
          }
          processingDelay(m);
          c.acknowledge(r, AcknowledgeType.ACCEPT);
          m.consumed++;
          dirty = true;
        }
        if (!records.isEmpty()) c.commitAsync();
      }
    } catch (WakeupException e) {
      // closing
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (Exception e) {
      problem(m.clientId + ": " + e.getMessage());
    } finally {
      c.close(Duration.ofSeconds(5));
    }
  }

  /** A share consumer has no assignment() of its own: the coordinator's answer is the truth,
   *  several members on one partition included. */
  static void refreshShareAssignments() {
    if (members.isEmpty()) return;
    try {
      String group = (String) config.get("groupId");
      ShareGroupDescription d = admin.describeShareGroups(List.of(group)).describedGroups().get(group).get(5, TimeUnit.SECONDS);
      Map<String, ShareMemberDescription> byClient = new ConcurrentHashMap<>();
      for (ShareMemberDescription md : d.members()) byClient.put(md.clientId(), md);
      for (Member m : members) {
        ShareMemberDescription md = byClient.get(m.clientId);
        List<TopicPartition> now = md == null ? List.of() : sortedParts(md.assignment().topicPartitions());
        String id = md == null ? null : md.consumerId();
        boolean joined = md != null;
        if (!now.equals(m.assignment) || joined != m.joined || (id != null && !id.equals(m.memberId))) {
          m.assignment = now;
          m.memberId = id;
          m.joined = joined;
          dirty = true;
        }
      }
    } catch (Exception e) {
      // The next round asks again; a transient coordinator move is not worth a problem line.
    }
  }

  /** A share group starts at the log end unless told otherwise; the lab reads a topic from the
   *  start, as its classic instances do, so the group is set to earliest before anyone joins. */
  static void readFromTheStart(String group) {
    ConfigResource resource = new ConfigResource(ConfigResource.Type.GROUP, group);
    AlterConfigOp op = new AlterConfigOp(new ConfigEntry("share.auto.offset.reset", "earliest"), AlterConfigOp.OpType.SET);
    try {
      admin.incrementalAlterConfigs(Map.of(resource, List.of(op))).all().get(10, TimeUnit.SECONDS);
    } catch (Exception e) {
      problem("could not set share.auto.offset.reset=earliest on " + group + ": " + e.getMessage());
    }
  }

  static Member startMember(int k) {
    Member m = new Member(k);
    m.thread = new Thread(() -> {
      if ("share".equals(protocol)) runShare(m);
      else runConsumer(m);
    }, m.clientId);
    members.add(m);
    m.thread.start();
    return m;
  }

  static void removeMember(Member m) throws InterruptedException {
    m.closing = true;
    if (m.consumer != null) m.consumer.wakeup();
    if (m.share != null) m.share.wakeup();
    m.thread.join(15_000);
    members.remove(m);
    dirty = true;
  }

  static void awaitJoined(List<Member> started, long timeoutMs) throws InterruptedException {
    long until = System.currentTimeMillis() + timeoutMs;
    while (System.currentTimeMillis() < until) {
      if (started.stream().allMatch(m -> m.joined || !m.thread.isAlive())) return;
      Thread.sleep(50);
    }
  }

  static List<Integer> freeIndexes(int count) {
    Set<Integer> used = new HashSet<>();
    for (Member m : members) used.add(m.k);
    List<Integer> free = new ArrayList<>();
    for (int k = 1; free.size() < count; k++) if (!used.contains(k)) free.add(k);
    return free;
  }

  static String handle(Map<String, Object> cmd) throws Exception {
    switch ((String) cmd.get("type")) {
      case "pause":
        paused = true;
        return null;
      case "resume":
        paused = false;
        return null;
      case "scale": {
        int n = ((Number) cmd.get("consumers")).intValue();
        if (n > members.size()) {
          List<Member> started = new ArrayList<>();
          for (int k : freeIndexes(n - members.size())) started.add(startMember(k));
          awaitJoined(started, 20_000);
        } else {
          List<Member> sorted = new ArrayList<>(members);
          sorted.sort(Comparator.comparingInt((Member m) -> m.k).reversed());
          for (Member m : sorted.subList(0, members.size() - n)) removeMember(m);
        }
        return null;
      }
      case "rebalance": {
        Member newest = members.stream().max(Comparator.comparingInt(m -> m.k)).orElse(null);
        if (newest == null) throw new IllegalStateException("this instance has no consumer to rejoin");
        removeMember(newest);
        awaitJoined(List.of(startMember(newest.k)), 20_000);
        return newest.clientId;
      }
      default:
        throw new IllegalArgumentException("unknown command " + cmd.get("type"));
    }
  }

  static void onCommand(Map<String, Object> cmd) {
    commands.execute(() -> {
      String error = null;
      String clientId = null;
      try {
        clientId = handle(cmd);
      } catch (Exception e) {
        error = e.getMessage() == null ? e.toString() : e.getMessage();
      }
      reportNow();
      Map<String, Object> reply = new LinkedHashMap<>();
      reply.put("type", "reply");
      reply.put("id", cmd.get("id"));
      reply.put("error", error);
      if (clientId != null) reply.put("clientId", clientId);
      send(reply);
    });
  }

  /** Every member leaves its group, then the process ends (code 0). */
  static void stop() {
    if (stopping) return;
    stopping = true;
    commands.execute(() -> {
      reportNow();
      for (Member m : members) {
        m.closing = true;
        if (m.consumer != null) m.consumer.wakeup();
        if (m.share != null) m.share.wakeup();
      }
      for (Member m : members) {
        try {
          m.thread.join(10_000);
        } catch (InterruptedException e) {
          break;
        }
      }
      System.exit(0);
    });
  }

  @SuppressWarnings("unchecked")
  static void start(Map<String, Object> cfg) {
    config = cfg;
    protocol = (String) cfg.get("protocol");
    commands.execute(() -> {
      if ("share".equals(protocol)) {
        Properties p = new Properties();
        p.put("bootstrap.servers", String.join(",", (List<String>) cfg.get("bootstrap")));
        p.put("client.id", "lab-" + cfg.get("name") + "-admin");
        admin = Admin.create(p);
        readFromTheStart((String) cfg.get("groupId"));
        timers.scheduleWithFixedDelay(LabWorker::refreshShareAssignments, 0, 500, TimeUnit.MILLISECONDS);
      }
      List<Member> started = new ArrayList<>();
      int n = ((Number) cfg.get("consumers")).intValue();
      for (int k = 1; k <= n; k++) started.add(startMember(k));
      try {
        awaitJoined(started, 20_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      reportNow();
      send(Map.of("type", "ready"));
    });
    timers.scheduleWithFixedDelay(() -> {
      if (dirty) reportNow();
    }, REPORT_EVERY_MS, REPORT_EVERY_MS, TimeUnit.MILLISECONDS);
  }

  /** The dashboard is gone: leave the groups, but never linger past a few seconds. */
  static void orphaned() {
    Thread guard = new Thread(() -> {
      try {
        Thread.sleep(ORPHAN_EXIT_MS);
      } catch (InterruptedException e) {
        // exit anyway
      }
      Runtime.getRuntime().halt(0);
    });
    guard.setDaemon(true);
    guard.start();
    stop();
  }

  @SuppressWarnings("unchecked")
  public static void main(String[] args) throws Exception {
    System.setOut(System.err);
    // Second guard: the parent gone (even by SIGKILL, when something else holds our stdin).
    ProcessHandle parent = ProcessHandle.current().parent().orElse(null);
    timers.scheduleWithFixedDelay(() -> {
      if (parent == null || !parent.isAlive()) orphaned();
    }, 1, 1, TimeUnit.SECONDS);
    BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    String line;
    while ((line = in.readLine()) != null) {
      if (line.isBlank()) continue;
      Map<String, Object> m = JSON.readValue(line, Map.class);
      String type = (String) m.get("type");
      if ("start".equals(type)) {
        if (config == null) start((Map<String, Object>) m.get("config"));
      } else if ("stop".equals(type)) {
        stop();
      } else if (config != null) {
        onCommand(m);
      }
    }
    orphaned();
  }
}
