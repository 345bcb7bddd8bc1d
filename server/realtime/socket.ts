import type { Server as HttpServer } from 'node:http';
import { Server, type ServerOptions, type Socket } from 'socket.io';
import type { ClientToServerEvents, ServerToClientEvents } from '../../lib/contract/events';
import { actionRunSchema, clientEventSchemas } from '../../lib/contract/schemas';
import type { ClusterStore } from '../cluster/store';
import type { ThroughputTracker } from '../cluster/throughput';
import type { GroupsService } from '../groups/service';
import type { ServerInfo } from '../../lib/contract/actions';
import type { ActionDispatcher } from '../actions/dispatcher';
import type { ProduceService } from '../produce/service';
import type { LabSupervisor } from '../lab/supervisor';
import type { TailService } from '../tail/service';
import { describeIssue } from '../../lib/contract/describe-issue';

// Socket wiring only: a new client gets the full snapshots, then every patch. A page that
// shows one group or one topic joins its room and gets that detail pushed when it changes.
// Each incoming event is validated against the contract's schema; a bad one is answered,
// never thrown. Actions go through the one dispatcher and answer through socket.io's ack.

export type LiveServer = Server<ClientToServerEvents, ServerToClientEvents>;
type LiveSocket = Socket<ClientToServerEvents, ServerToClientEvents>;
type ClientEvent = keyof typeof clientEventSchemas;

const groupRoom = (id: string) => `group:${id}`;
const topicRoom = (name: string) => `topic:${name}`;

/** Topics some page shows right now: the poller reads their ends between rounds. */
export function watchedTopics(io: LiveServer): string[] {
  return [...io.of('/').adapter.rooms.keys()].filter((room) => room.startsWith('topic:')).map((room) => room.slice('topic:'.length));
}

export interface RealtimeDeps {
  store: ClusterStore;
  throughput: ThroughputTracker;
  groups: GroupsService;
  actions: ActionDispatcher;
  produce: ProduceService;
  lab: LabSupervisor;
  tails: TailService;
  info: ServerInfo;
  /** Checks each handshake (origin, login) before a socket exists. */
  allowRequest?: ServerOptions['allowRequest'];
}

export function attachRealtime(http: HttpServer, { store, throughput, groups, actions, produce, lab, tails, info, allowRequest }: RealtimeDeps): LiveServer {
  const io: LiveServer = new Server(http, {
    serveClient: false,
    // The largest payload is a produce with a value near Kafka's 1 MB limit: room for one
    // just past it, so the broker's limit is what the person hears about.
    maxHttpBufferSize: 2_000_000,
    allowRequest,
    // A network that silently drops packets is noticed within 15 s (25 + 20 s by default), so a
    // page does not say "Live" over a dead link for most of a minute.
    pingInterval: 10_000,
    pingTimeout: 5_000,
  });

  store.on('patch', (patch) => io.emit('cluster:patch', patch));
  throughput.on('point', (point) => io.emit('metrics:throughput', point));
  groups.on('patch', (patch) => io.emit('groups:patch', patch));
  produce.on('loads', (runs) => io.emit('produce:loads', runs));
  lab.on('instances', (instances) => io.emit('lab:instances', instances));

  // What each watched room was last sent, so an unchanged detail is not sent again.
  const lastSent = new Map<string, string>();
  const rooms = () => io.of('/').adapter.rooms;
  const pushGroup = (groupId: string, force = false, to?: LiveSocket) => {
    const payload = { groupId, detail: groups.detail(groupId) };
    const json = JSON.stringify(payload);
    if (!force && lastSent.get(groupRoom(groupId)) === json) return;
    if (!to) lastSent.set(groupRoom(groupId), json);
    (to ?? io.to(groupRoom(groupId))).emit('group:detail', payload);
  };
  const pushTopic = (topic: string, force = false, to?: LiveSocket) => {
    const payload = groups.topicConsumers(topic);
    const json = JSON.stringify(payload);
    if (!force && lastSent.get(topicRoom(topic)) === json) return;
    if (!to) lastSent.set(topicRoom(topic), json);
    (to ?? io.to(topicRoom(topic))).emit('topic:consumers', payload);
  };

  groups.on('changed', (ids) => {
    const watched = rooms();
    const touchedTopics = new Set<string>();
    for (const id of ids) {
      if (watched.has(groupRoom(id))) pushGroup(id);
      for (const room of watched.keys()) {
        if (room.startsWith('topic:') && groups.readsTopic(id, room.slice(6))) touchedTopics.add(room.slice(6));
      }
    }
    for (const topic of touchedTopics) pushTopic(topic);
  });
  groups.on('lag-point', (groupId, point) => {
    if (rooms().has(groupRoom(groupId))) io.to(groupRoom(groupId)).emit('group:lag-point', { groupId, point });
  });
  io.of('/').adapter.on('delete-room', (room: string) => lastSent.delete(room));

  io.on('connection', (socket: LiveSocket) => {
    socket.emit('cluster:snapshot', store.snapshot());
    socket.emit('metrics:throughput-history', throughput.history());
    socket.emit('groups:snapshot', groups.snapshot());
    socket.emit('server:info', info);
    socket.emit('produce:loads', produce.loads());
    socket.emit('lab:instances', lab.instances());
    const origin = { via: 'socket' as const, address: socket.handshake.address };

    const leave = (prefix: string) => {
      for (const room of socket.rooms) if (room.startsWith(prefix)) void socket.leave(room);
    };
    const handlers: { [E in ClientEvent]: (payload: never) => void } = {
      'cluster:resync': () => socket.emit('cluster:snapshot', store.snapshot()),
      'groups:resync': () => socket.emit('groups:snapshot', groups.snapshot()),
      'group:watch': ({ groupId }: { groupId: string | null }) => {
        leave('group:');
        if (groupId === null) return;
        void socket.join(groupRoom(groupId));
        socket.emit('group:lag-history', { groupId, points: groups.lagHistory(groupId) });
        pushGroup(groupId, true, socket);
      },
      'topic:watch': ({ topic }: { topic: string | null }) => {
        leave('topic:');
        if (topic === null) return;
        void socket.join(topicRoom(topic));
        pushTopic(topic, true, socket);
      },
      'tail:watch': ({ topic }: { topic: string | null }) => {
        tails.watch(socket.id, topic, (t, messages, reset) => socket.emit('tail:messages', { topic: t, messages, reset }));
      },
      // Handled below: it answers through the ack.
      'action:run': () => undefined,
    };

    socket.on('disconnect', () => tails.watch(socket.id, null, () => undefined));
    socket.on('action:run', (request: unknown, ack: unknown) => {
      const answer = typeof ack === 'function' ? (ack as (r: unknown) => void) : (r: { ok: boolean; error?: string }) => {
        // Without an ack the answer still reaches the page, as an action error.
        if (!r.ok) socket.emit('action:error', { event: 'action:run', message: r.error ?? 'failed' });
      };
      const parsed = actionRunSchema.safeParse(request);
      if (!parsed.success) {
        answer({ ok: false, error: `invalid action:run request: ${describeIssue(parsed.error)}` });
        return;
      }
      void actions.run(parsed.data.name, parsed.data.payload, origin).then(answer);
    });

    for (const event of Object.keys(handlers) as ClientEvent[]) {
      if (event === 'action:run') continue;
      socket.on(event, (payload: unknown) => {
        const parsed = clientEventSchemas[event].safeParse(payload);
        if (!parsed.success) {
          socket.emit('action:error', { event, message: `invalid ${event} payload: ${describeIssue(parsed.error)}` });
          return;
        }
        (handlers[event] as (p: unknown) => void)(parsed.data);
      });
    }

    // Events outside the contract get a clear answer instead of silence.
    socket.onAny((event: string) => {
      if (!(event in clientEventSchemas)) socket.emit('action:error', { event: String(event).slice(0, 100), message: `unknown event "${String(event).slice(0, 100)}"` });
    });
  });
  return io;
}
