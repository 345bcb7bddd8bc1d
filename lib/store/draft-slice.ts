import type { StateCreator } from 'zustand';
import type { ProduceRequest } from '@/lib/contract/action-schemas';

/** A message to put into the produce panel (replay from the tail). */
export interface DraftSlice {
  produceDraft: Partial<ProduceRequest> | null;
  setProduceDraft(draft: Partial<ProduceRequest> | null): void;
}

export const createDraftSlice: StateCreator<DraftSlice> = (set) => ({
  produceDraft: null,
  setProduceDraft: (produceDraft) => set({ produceDraft }),
});
