import type { Server as HttpServer } from 'node:http';
import { Server, type ServerOptions, type Socket } from 'socket.io';
import type { ClientToServerEvents, ServerToClientEvents } from '@/lib/contract/events';
import { actionRunSchema, clientEventSchemas } from '@/lib/contract/schemas';
import type { ClusterStore } from '@/server/cluster/store';
import type { ThroughputTracker } from '@/server/cluster/throughput';
import type { GroupsService } from '@/server/groups/service';
import type { ServerInfo } from '@/lib/contract/actions';
import type { ActionDispatcher } from '@/server/actions/dispatcher';
import type { ProduceService } from '@/server/produce/service';
import type { LabSupervisor } from '@/server/lab/supervisor';
import type { Subscriber, Subscriptions } from './subscriptions';
import { describeIssue } from '@/lib/contract/describe-issue';
import type { Watch } from '@/lib/contract/watch';

// Socket wiring only: a new client gets the full snapshots, then every patch. What a page
// watches (a group, a topic, a tail) goes to the one subscriptions module.
// Each incoming event is validated against the contract's schema; a bad one is answered,
// never thrown. Actions go through the one dispatcher and answer through socket.io's ack.

export type LiveServer = Server<ClientToServerEvents, ServerToClientEvents>;
type LiveSocket = Socket<ClientToServerEvents, ServerToClientEvents>;
type ClientEvent = keyof typeof clientEventSchemas;

export interface RealtimeDeps {
  store: ClusterStore;
  throughput: ThroughputTracker;
  groups: GroupsService;
  actions: ActionDispatcher;
  produce: ProduceService;
  lab: LabSupervisor;
  subscriptions: Subscriptions;
  info: ServerInfo;
  /** Checks each handshake (origin, login) before a socket exists. */
  allowRequest?: ServerOptions['allowRequest'];
}

export function attachRealtime(
  http: HttpServer,
  { store, throughput, groups, actions, produce, lab, subscriptions, info, allowRequest }: RealtimeDeps,
): LiveServer {
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

  io.on('connection', (socket: LiveSocket) => {
    socket.emit('cluster:snapshot', store.snapshot());
    socket.emit('metrics:throughput-history', throughput.history());
    socket.emit('groups:snapshot', groups.snapshot());
    socket.emit('server:info', info);
    socket.emit('produce:loads', produce.loads());
    socket.emit('lab:instances', lab.instances());
    void lab.protocols().then(
      (protocols) => socket.emit('lab:protocols', protocols),
      () => undefined,
    );
    const origin = { via: 'socket' as const, address: socket.handshake.address };

    const subscriber: Subscriber = { id: socket.id, send: (event, ...args) => socket.emit(event, ...args) };
    const handlers: { [E in ClientEvent]: (payload: never) => void } = {
      'cluster:resync': () => socket.emit('cluster:snapshot', store.snapshot()),
      'groups:resync': () => socket.emit('groups:snapshot', groups.snapshot()),
      watch: (watch: Watch) => {
        const refused = subscriptions.watch(subscriber, watch);
        if (refused) socket.emit('action:error', { event: 'watch', message: refused });
      },
      unwatch: (watch: Watch) => subscriptions.unwatch(subscriber, watch),
      // Handled below: it answers through the ack.
      'action:run': () => undefined,
    };

    socket.on('disconnect', () => subscriptions.drop(subscriber));
    socket.on('action:run', (request: unknown, ack: unknown) => {
      const answer =
        typeof ack === 'function'
          ? (ack as (r: unknown) => void)
          : (r: { ok: boolean; error?: string }) => {
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
      if (!(event in clientEventSchemas))
        socket.emit('action:error', {
          event: String(event).slice(0, 100),
          message: `unknown event "${String(event).slice(0, 100)}"`,
        });
    });
  });
  return io;
}
