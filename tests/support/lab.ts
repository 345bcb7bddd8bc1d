import fs from 'node:fs';

// Helpers for the lab tests: process checks and a real dashboard server as a child process.

export const wait = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/** True once no process has this pid (signal 0 only checks). */
export function gone(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return false;
  } catch {
    return true;
  }
}

/** The parent pid of a process, from /proc (Linux). */
export function workerParent(pid: number): number {
  const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
  // The command name in parentheses may hold spaces; the fields after it are fixed.
  return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
}

export { startServerProcess } from './server-process';
