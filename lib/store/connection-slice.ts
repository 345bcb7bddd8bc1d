import type { StateCreator } from 'zustand';

export type SocketStatus = 'connecting' | 'live' | 'reconnecting';

/** The page's link to the server, and the last refusal it sent. */
export interface ConnectionState {
  socket: SocketStatus;
  /** Last error the server sent for an action; shown until dismissed. */
  actionError: string | null;
}

export interface ConnectionSlice extends ConnectionState {
  setSocket(status: SocketStatus): void;
  setActionError(message: string | null): void;
}

export const initialConnection: ConnectionState = { socket: 'connecting', actionError: null };

export const createConnectionSlice: StateCreator<ConnectionSlice> = (set) => ({
  ...initialConnection,
  setSocket: (socket) => set({ socket }),
  setActionError: (actionError) => set({ actionError }),
});
