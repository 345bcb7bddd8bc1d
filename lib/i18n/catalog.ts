import enAlerts from '@/messages/en/alerts.json';
import enBrowse from '@/messages/en/browse.json';
import enCommon from '@/messages/en/common.json';
import enGroups from '@/messages/en/groups.json';
import enLab from '@/messages/en/lab.json';
import enLearn from '@/messages/en/learn.json';
import enOverview from '@/messages/en/overview.json';
import enShell from '@/messages/en/shell.json';
import enTopics from '@/messages/en/topics.json';
import enTransactions from '@/messages/en/transactions.json';
import enVerdicts from '@/messages/en/verdicts.json';
import koAlerts from '@/messages/ko/alerts.json';
import koBrowse from '@/messages/ko/browse.json';
import koCommon from '@/messages/ko/common.json';
import koGroups from '@/messages/ko/groups.json';
import koLab from '@/messages/ko/lab.json';
import koLearn from '@/messages/ko/learn.json';
import koOverview from '@/messages/ko/overview.json';
import koShell from '@/messages/ko/shell.json';
import koTopics from '@/messages/ko/topics.json';
import koTransactions from '@/messages/ko/transactions.json';
import koVerdicts from '@/messages/ko/verdicts.json';
import type { Locale } from './locale';

// One file per namespace and language (messages/<locale>/<namespace>.json), so screens can gain
// their words without touching each other's files. Both catalogs are bundled (a few kilobytes
// each): switching is instant and needs no request.
const en = {
  shell: enShell,
  overview: enOverview,
  common: enCommon,
  groups: enGroups,
  topics: enTopics,
  browse: enBrowse,
  lab: enLab,
  learn: enLearn,
  alerts: enAlerts,
  transactions: enTransactions,
  verdicts: enVerdicts,
};
export type Messages = typeof en;

export const MESSAGES: Record<Locale, Messages> = {
  en,
  ko: {
    shell: koShell,
    overview: koOverview,
    common: koCommon,
    groups: koGroups,
    topics: koTopics,
    browse: koBrowse,
    lab: koLab,
    learn: koLearn,
    alerts: koAlerts,
    transactions: koTransactions,
    verdicts: koVerdicts,
  },
};
