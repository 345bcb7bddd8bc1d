import type { StateCreator } from 'zustand';
import type { LabInstance, LabProtocolInfo, LoadRun, ServerInfo } from '@/lib/contract/actions';

/** What the server says about itself and what it runs for the page: its info, load-generator
 *  runs and lab instances. */
export interface ServerSlice {
  /** null until the server said; actions stay hidden until then. */
  serverInfo: ServerInfo | null;
  loads: LoadRun[];
  labInstances: LabInstance[];
  /** null until the server said; the start form then offers classic only. */
  labProtocols: LabProtocolInfo[] | null;
}

export const initialServer: ServerSlice = { serverInfo: null, loads: [], labInstances: [], labProtocols: null };

export const createServerSlice: StateCreator<ServerSlice> = () => initialServer;
