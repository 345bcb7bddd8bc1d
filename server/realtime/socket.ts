import type { Server as HttpServer } from 'node:http';
import { Server, type Socket } from 'socket.io';
import type { ClientToServerEvents, ServerToClientEvents } from '../../lib/contract/events';
import { clientEventSchemas } from '../../lib/contract/schemas';
import type { ClusterStore } from '../cluster/store';
import type { ThroughputTracker } from '../cluster/throughput';

// Socket wiring only: a new client gets the full snapshot, then every patch. Each incoming
// event is validated against the contract's schema; a bad one is answered, never thrown.

export type LiveServer = Server<ClientToServerEvents, ServerToClientEvents>;
type LiveSocket = Socket<ClientToServerEvents, ServerToClientEvents>;

export function attachRealtime(http: HttpServer, store: ClusterStore, throughput: ThroughputTracker): LiveServer {
  const io: LiveServer = new Server(http, {
    serveClient: false,
    // A client never needs to send more than a small action payload.
    maxHttpBufferSize: 1_000_000,
  });

  store.on('patch', (patch) => io.emit('cluster:patch', patch));
  throughput.on('point', (point) => io.emit('metrics:throughput', point));

  io.on('connection', (socket: LiveSocket) => {
    socket.emit('cluster:snapshot', store.snapshot());
    socket.emit('metrics:throughput-history', throughput.history());

    socket.on('cluster:resync', (payload: unknown) => {
      const parsed = clientEventSchemas['cluster:resync'].safeParse(payload);
      if (!parsed.success) {
        socket.emit('action:error', { event: 'cluster:resync', message: `invalid payload: ${parsed.error.issues[0]?.message ?? 'unknown'}` });
        return;
      }
      socket.emit('cluster:snapshot', store.snapshot());
    });

    // Events outside the contract get a clear answer instead of silence.
    socket.onAny((event: string) => {
      if (!(event in clientEventSchemas)) socket.emit('action:error', { event: String(event).slice(0, 100), message: `unknown event "${String(event).slice(0, 100)}"` });
    });
  });
  return io;
}
