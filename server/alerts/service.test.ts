import { describe, it, after } from 'node:test';
import assert from 'node:assert/strict';
import { EventEmitter } from 'node:events';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import type { GroupSummary, GroupsPatch } from '@/lib/contract/groups';
import type { Verdict } from '@/lib/contract/lag';
import { AlertsService } from './service';
import { parseAlertRules } from './rules-file';

class FakeGroups extends EventEmitter<{ patch: [GroupsPatch] }> {
  groups: GroupSummary[] = [];
  list = () => this.groups;
  push(groupId: string, verdict: Verdict | null, totalLag: number | null = 10) {
    const g = {
      groupId,
      totalLag,
      lagAge: { seconds: null },
      health: verdict && { verdict, reason: 'r', text: `${groupId} is ${verdict}`, causes: [] },
    } as unknown as GroupSummary;
    this.groups = [...this.groups.filter((x) => x.groupId !== groupId), g];
    this.emit('patch', { from: 0, to: 1, upsert: [g], remove: [] });
  }
  drop(groupId: string) {
    this.groups = this.groups.filter((x) => x.groupId !== groupId);
    this.emit('patch', { from: 0, to: 1, upsert: [], remove: [groupId] });
  }
}

/** A local receiver that keeps every body it is sent. */
async function receiver() {
  const got: Record<string, unknown>[] = [];
  const server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => {
      got.push(JSON.parse(body) as Record<string, unknown>);
      res.end('ok');
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return { got, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook?token=secret`, server };
}

describe('alerts service', () => {
  const servers: http.Server[] = [];
  after(() => servers.forEach((s) => s.close()));

  it('fires on a patch, posts the alert, shows it firing, and resolves when the group is OK again', async () => {
    const hook = await receiver();
    servers.push(hook.server);
    const groups = new FakeGroups();
    const rules = parseAlertRules({
      webhook: hook.url,
      rules: [{ id: 'not-ok', name: 'Orders not OK', group: 'orders-*', when: { verdictNot: 'OK' } }],
    });
    const alerts = new AlertsService(groups, { file: null, rules });
    alerts.start();
    groups.push('orders-1', 'STALL');
    groups.push('billing', 'STOP');
    assert.deepEqual(
      alerts.state().firing.map((a) => [a.ruleId, a.groupId, a.value]),
      [['not-ok', 'orders-1', 'STALL']],
    );
    groups.push('orders-1', 'OK');
    await alerts.delivered();
    assert.deepEqual(
      hook.got.map((b) => [b.status, b.groupId, b.value]),
      [
        ['firing', 'orders-1', 'STALL'],
        ['resolved', 'orders-1', 'OK'],
      ],
    );
    assert.equal(hook.got[0].webhook, undefined, 'the receiver is not sent its own URL');
    const state = alerts.state();
    assert.deepEqual(state.firing, []);
    assert.deepEqual(
      state.recent.map((e) => e.status),
      ['resolved', 'firing'],
      'newest first',
    );
    assert.equal(state.recent[0].webhook, new URL(hook.url).origin, 'the page sees the origin, not the token');
    assert.equal(state.delivery.sent, 2);
    alerts.close();
  });

  it('waits for the condition to hold forSeconds, on its own timer', () => {
    const groups = new FakeGroups();
    let now = 1_000_000;
    const rules = parseAlertRules([{ id: 'lag', name: 'lag', group: 'g', when: { lagOver: 5, forSeconds: 60 } }]);
    const alerts = new AlertsService(groups, { file: null, rules }, {}, () => now);
    let changes = 0;
    alerts.on('changed', () => changes++);
    alerts.start();
    groups.push('g', 'OK', 100);
    assert.equal(alerts.state().firing.length, 0);
    now += 61_000;
    groups.push('g', 'OK', 120);
    assert.equal(alerts.state().firing.length, 1);
    assert.equal(alerts.state().firing[0].value, 120);
    assert.equal(alerts.state().firing[0].reason, '120 messages behind', 'a lag rule says the lag, not the verdict');
    assert.equal(changes, 1);
    groups.drop('g');
    assert.equal(alerts.state().firing.length, 0, 'a deleted group resolves');
    assert.match(alerts.state().recent[0].reason, /no longer exists/);
    alerts.close();
  });

  it('new rules judge the groups as they are at once, and are saved to the rules file first', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'alerts-'));
    const file = path.join(dir, 'alerts.json');
    const groups = new FakeGroups();
    const alerts = new AlertsService(groups, { file, rules: { rules: [] } });
    alerts.start();
    groups.push('g', 'STOP');
    assert.equal(alerts.state().savedTo.kind, 'file');
    const next = parseAlertRules([{ id: 'stop', name: 'stopped', group: '*', when: { verdictIn: ['STOP'] } }]);
    const state = await alerts.setRules(next);
    assert.deepEqual(
      state.firing.map((a) => a.groupId),
      ['g'],
    );
    assert.deepEqual(parseAlertRules(fs.readFileSync(file, 'utf8')), next, 'the file holds what runs');
    await alerts.setRules({ rules: [] });
    assert.equal(alerts.state().firing.length, 0);
    assert.match(alerts.state().recent[0].reason, /changed or removed/);
    alerts.close();
    fs.rmSync(dir, { recursive: true });
  });

  it('keeps the old rules when the file cannot be written', async () => {
    const groups = new FakeGroups();
    const old = parseAlertRules([{ id: 'a', name: 'a', group: '*', when: { verdictNot: 'OK' } }]);
    const alerts = new AlertsService(groups, { file: '/proc/no-such-dir/alerts.json', rules: old });
    await assert.rejects(alerts.setRules({ rules: [] }));
    assert.deepEqual(alerts.state().rules, old.rules);
    alerts.close();
  });

  it('an unknown verdict (group not judged yet) changes nothing', () => {
    const groups = new FakeGroups();
    const rules = parseAlertRules([{ id: 'a', name: 'a', group: '*', when: { verdictNot: 'OK' } }]);
    const alerts = new AlertsService(groups, { file: null, rules });
    alerts.start();
    groups.push('g', null);
    assert.equal(alerts.state().firing.length, 0);
    alerts.close();
  });
});
