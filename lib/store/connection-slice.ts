import type { StateCreator } from 'zustand';
import type { LiveStore } from './index';

export type SocketStatus = 'connecting' | 'live' | 'reconnecting';

export interface ConnectionSlice {
  socket: SocketStatus;
  /** Last error the server sent for an action; shown until dismissed. */
  actionError: string | null;
  setSocket(status: SocketStatus): void;
  setActionError(message: string | null): void;
}

export const createConnectionSlice: StateCreator<LiveStore, [], [], ConnectionSlice> = (set) => ({
  socket: 'connecting',
  actionError: null,
  setSocket: (socket) => set({ socket }),
  setActionError: (actionError) => set({ actionError }),
});
