import { describe, expect, it } from 'vitest';
import type { Ledger } from '../../../electron/core/open-ledger.js';
import { verifyOwnChain } from '../../../electron/core/ledger/audit.js';
import { verifyAudit } from '../../../electron/core/ledger/verify-audit.js';
import type { FieldValue } from '../../../electron/core/ledger/tables.js';
import { importBundleBytes } from '../../../electron/core/sync/import.js';
import { contractCalls, sampleIncident } from '../../helpers/ledger-calls.js';
import { craftBundle, introduce, ledgerHash, replica, testClock } from './helpers.js';

// Issue 15 item 3: a bundle signed by a trusted peer obeys the rules local writes obey. Each generated bundle
// breaks one rule (an incomplete row, a reference to nothing, an impossible date, an empty or invisible name,
// malformed text); none may leave a row that breaks it: the bundle is refused, or the row waits in quarantine.

type Op = [string, string, string, string, FieldValue];

function prng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const AT = '2026-11-28T03:00:00.000Z';
const fullIncident = (unitId: string): Record<string, FieldValue> => ({
  number: 'YQ-2026-0900', title: '外来事件', summary: '', platform: 'weibo', url: '', first_seen_at: null, found_at: AT,
  registrar: '', involved_unit: '', categories: ['wages'], key_type_61: null, severity: 'general', sentiment: 'negative',
  lead_unit_id: unitId, co_unit_ids: [], status: 'triage', status_reason: '', leader_instruction: '', created_at: AT, updated_at: AT,
});
const fullResponse = (incidentId: string): Record<string, FieldValue> => ({
  incident_id: incidentId, at: AT, method: 'authoritative_info', channel: 'gov_weibo', url: '', content: '通报', unit_id: null,
  disposition: null, created_at: AT,
});

const BAD_DATES = ['2026-02-30T00:00:00.000Z', '9999-12-31T00:00:00.000Z', '1970-01-01T00:00:00.000Z', '2026-11-28T24:00:00.000Z', '2026-13-01T00:00:00.000Z'];
const BAD_NAMES = ['', ' ', '\u200B', '\u202E\u2066', 'a\uD800', '\u001b[31m', '名'.repeat(61)];
const BAD_TEXT = ['a\uD800b', 'x\u0000y', '\u001b]0;pwn\u0007', '\uDC00'];

/** One row's fields, each case breaking one rule; `row` new unless it names an existing one. */
interface Case {
  kind: string;
  table: string;
  row: string;
  fields: Record<string, FieldValue>;
}

function generateCases(count: number, seed: number, known: { unitId: string; incidentId: string }): Case[] {
  const random = prng(seed);
  const pick = <T,>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const id = () => `r${Math.floor(random() * 1e12).toString(36)}`;
  const makers: (() => Case)[] = [
    () => {
      const fields = fullIncident(known.unitId);
      const dropped = pick(['number', 'title', 'platform', 'found_at', 'severity', 'sentiment', 'status', 'categories', 'created_at']);
      delete fields[dropped];
      return { kind: `incident without ${dropped}`, table: 'incidents', row: id(), fields };
    },
    () => ({ kind: 'ghost incident', table: 'incidents', row: id(), fields: { [pick(['summary', 'title', 'deleted', 'url'])]: pick(['x', true, '']) } }),
    () => ({ kind: 'bad found_at', table: 'incidents', row: id(), fields: { ...fullIncident(known.unitId), found_at: pick(BAD_DATES) } }),
    () => ({ kind: 'bad found_at on an existing incident', table: 'incidents', row: known.incidentId, fields: { found_at: pick(BAD_DATES) } }),
    () => ({ kind: 'empty title', table: 'incidents', row: pick([id(), known.incidentId]), fields: { ...fullIncident(known.unitId), title: pick(['', '  ', '\n']) } }),
    () => ({ kind: 'malformed text', table: 'incidents', row: pick([id(), known.incidentId]), fields: { [pick(['title', 'summary', 'leader_instruction'])]: pick(BAD_TEXT) } }),
    () => ({ kind: 'unknown lead unit', table: 'incidents', row: id(), fields: { ...fullIncident(known.unitId), lead_unit_id: id() } }),
    () => ({ kind: 'unknown category', table: 'incidents', row: id(), fields: { ...fullIncident(known.unitId), categories: ['wages', id()] } }),
    () => ({ kind: 'unknown co-unit', table: 'incidents', row: id(), fields: { ...fullIncident(known.unitId), co_unit_ids: [id()] } }),
    () => ({ kind: 'response to nothing', table: 'responses', row: id(), fields: fullResponse(id()) }),
    () => ({ kind: 'response without incident', table: 'responses', row: id(), fields: { ...fullResponse(known.incidentId), incident_id: null } }),
    () => ({ kind: 'response at a bad time', table: 'responses', row: id(), fields: { ...fullResponse(known.incidentId), at: pick(BAD_DATES) } }),
    () => ({ kind: 'bad unit name', table: 'units', row: pick([known.unitId, id()]), fields: { name: pick(BAD_NAMES), kind: 'department' } }),
    () => ({ kind: 'bad township name', table: 'townships', row: id(), fields: { name: pick(BAD_NAMES), active: true } }),
    () => ({ kind: 'unit without name', table: 'units', row: id(), fields: { kind: 'department', active: true } }),
    () => ({ kind: 'followup of nothing', table: 'followups', row: id(), fields: { kind: 'progress', at: AT, content: '进展', actor: '', created_at: AT, incident_id: null, commitment_id: null } }),
    () => ({ kind: 'followup of a missing commitment', table: 'followups', row: id(), fields: { kind: 'progress', at: AT, content: '进展', actor: '', created_at: AT, incident_id: null, commitment_id: id() } }),
    () => ({ kind: 'empty followup', table: 'followups', row: id(), fields: { kind: 'progress', at: AT, content: ' ', actor: '', created_at: AT, incident_id: known.incidentId } }),
    () => ({
      kind: 'commitment of nothing', table: 'commitments', row: id(),
      fields: { incident_id: id(), content: '整改', promised_at: AT, deadline_kind: 'date', deadline: '2026-12-01', status: 'pending', created_at: AT },
    }),
    () => ({
      kind: 'commitment deadline 2026-02-30', table: 'commitments', row: id(),
      fields: { incident_id: known.incidentId, content: '整改', promised_at: AT, deadline_kind: 'date', deadline: pick(['2026-02-30', '9999-12-31']), status: 'pending', created_at: AT },
    }),
    () => ({ kind: 'rule for no severity', table: 'response_rules', row: pick(['huge', '', 'x'.repeat(10)]) || 'zz', fields: { info_hours: 5 } }),
    () => ({ kind: 'calendar day that does not exist', table: 'calendar_overrides', row: pick(['2026-02-30', '9999-12-31', '2026-13-01']), fields: { work: true, name: '' } }),
  ];
  return Array.from({ length: count }, () => pick(makers)());
}

async function setup() {
  const clock = testClock();
  const peer = replica('县委宣传部', clock.now);
  const here = replica('城关镇', clock.now);
  await introduce(peer, here);
  const { ok } = contractCalls(here);
  const incident = await ok('createIncident', sampleIncident);
  const unitId = (here.db.prepare("SELECT id FROM units WHERE name = '县住建局'").get() as { id: string }).id;
  return { clock, peer, here, known: { unitId, incidentId: incident.id } };
}

function opsOf(peer: Ledger, c: Case): Op[] {
  return Object.entries(c.fields).map(([col, value]) => [peer.ctx.hlc.next(), c.table, c.row, col, value]);
}

const tableCount = (ledger: Ledger, table: string) => (ledger.db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;

describe('bundles obey the rules local writes obey', () => {
  it('1,200 generated bundles, each breaking one rule: refused or held, the ledger unchanged and verifiable', async () => {
    const { peer, here, known } = await setup();
    const cases = generateCases(1200, 15, known);
    const outcomes = new Map<string, { refused: number; held: number }>();
    const before = ledgerHash(here.db);
    for (const c of cases) {
      const bytes = await craftBundle(peer, { frames: [opsOf(peer, c)] });
      const outcome = outcomes.get(c.kind) ?? { refused: 0, held: 0 };
      outcomes.set(c.kind, outcome);
      try {
        const result = await importBundleBytes(here, bytes, { passphrase: 'office-passphrase' });
        expect(result.applied, c.kind).toBe(0);
        expect(result.quarantined, c.kind).toBe(Object.keys(c.fields).length);
        expect(result.messages.join(''), c.kind).toMatch(/已隔离/);
        outcome.held += 1;
      } catch (error) {
        expect((error as Error).message, c.kind).toMatch(/^[^\p{Cc}\p{Cf}\p{Surrogate}]*$/u);
        outcome.refused += 1;
      }
      // Held operations stay aside; the rows of the ledger are exactly as they were.
      here.db.prepare('DELETE FROM quarantine').run();
      expect(ledgerHash(here.db), c.kind).toBe(before);
    }
    expect(verifyAudit(here.db)).toMatchObject({ ok: true });
    expect(outcomes.size).toBeGreaterThanOrEqual(20);
    const totals = [...outcomes.values()].reduce((sum, o) => ({ refused: sum.refused + o.refused, held: sum.held + o.held }), { refused: 0, held: 0 });
    console.info(`row rules: ${cases.length} bundles, ${outcomes.size} kinds: ${totals.refused} refused, ${totals.held} held in quarantine`);
  }, 600_000);

  it('a held row is applied once the operations completing it arrive, and a response waits for its incident', async () => {
    const { peer, here, known } = await setup();
    const incidents = tableCount(here, 'incidents');
    const fields = fullIncident(known.unitId);
    const incidentOps: Op[] = Object.entries(fields).map(([col, value]) => [peer.ctx.hlc.next(), 'incidents', 'later-complete', col, value]);
    const titleOp = incidentOps.find((op) => op[3] === 'title')!;
    const responseOps: Op[] = Object.entries(fullResponse('later-complete')).map(([col, value]) => [peer.ctx.hlc.next(), 'responses', 'resp-1', col, value]);

    // First bundle: the incident without its title, and a response to it.
    const first = await importBundleBytes(
      here,
      await craftBundle(peer, { frames: [[...incidentOps.filter((op) => op !== titleOp), ...responseOps]] }),
      { passphrase: 'office-passphrase' },
    );
    expect(first).toMatchObject({ applied: 0, quarantined: incidentOps.length - 1 + responseOps.length });
    expect(first.messages.join('')).toMatch(/舆情事件缺少标题/);
    expect(tableCount(here, 'incidents')).toBe(incidents);
    expect(tableCount(here, 'responses')).toBe(0);

    // Second bundle: the missing title. The incident and its response now stand complete.
    const second = await importBundleBytes(here, await craftBundle(peer, { frames: [[titleOp]] }), { passphrase: 'office-passphrase' });
    expect(second.quarantined).toBe(0);
    expect(second.released).toBe(incidentOps.length - 1 + responseOps.length);
    expect(here.db.prepare("SELECT title, number FROM incidents WHERE id = 'later-complete'").get()).toEqual({ title: '外来事件', number: 'YQ-2026-0900' });
    expect(tableCount(here, 'responses')).toBe(1);
    // This workstation's chain is intact; the hand-made bundles carried no signed chain of the peer, so the released
    // operations are named as not yet covered — what a real peer's bundle (which carries its chain) never leaves.
    expect(verifyOwnChain(here.db)).toMatchObject({ ok: true });
    const report = verifyAudit(here.db);
    expect(report.ok).toBe(false);
    expect(report.peers.map((p) => [p.ok, p.reason])).toEqual([[false, '尚未收到该工作站签名的审计链（其操作无从核对）']]);
  });

  it('valid rows in a bundle are applied while an invalid one waits', async () => {
    const { peer, here, known } = await setup();
    const good: Op[] = Object.entries(fullIncident(known.unitId)).map(([col, value]) => [peer.ctx.hlc.next(), 'incidents', 'good-1', col, value]);
    const ghost: Op = [peer.ctx.hlc.next(), 'incidents', 'ghost-1', 'summary', '只有摘要'];
    const result = await importBundleBytes(here, await craftBundle(peer, { frames: [[...good, ghost]] }), { passphrase: 'office-passphrase' });
    expect(result).toMatchObject({ applied: good.length, quarantined: 1 });
    expect(here.db.prepare("SELECT count(*) AS n FROM incidents WHERE id IN ('good-1', 'ghost-1')").get()).toEqual({ n: 1 });
  });
});
