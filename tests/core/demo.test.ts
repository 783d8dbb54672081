import { describe, expect, it } from 'vitest';
import { commitmentSchema } from '../../shared/api/commitments.js';
import { chinaYear, chinaDateOf } from '../../shared/china-time.js';
import { RECORDED_COMMITMENT_STATUSES, STATUSES, type IncidentStatus } from '../../shared/domain.js';
import { incidentInputSchema } from '../../shared/schemas.js';
import { createCalendar } from '../../electron/core/calendar/calendar.js';
import { planCommitments } from '../../scripts/demo/commitments.js';
import { fillDemoLedger } from '../../scripts/demo/fill.js';
import { generateIncidents } from '../../scripts/demo/generate.js';
import { createRng } from '../../scripts/demo/prng.js';
import { DEMO_CATEGORIES, TEMPLATES } from '../../scripts/demo/templates.js';
import { verifyAudit } from '../../electron/core/ledger/verify-audit.js';
import { closingBlockers } from '../../electron/core/ledger/closing.js';
import { getBoard } from '../../electron/core/ledger/commitment-board.js';
import { getCommitment, previewDeadline } from '../../electron/core/ledger/commitments.js';
import { SEEDS } from '../../electron/core/ledger/seed.js';
import { fieldTypeOf, valueFits } from '../../electron/core/ledger/tables.js';
import { openLedger } from '../../electron/core/open-ledger.js';

const NOW = Date.parse('2026-11-28T02:00:00Z');
const DAY = 86_400_000;

function filledLedger(count: number, seed: number) {
  const ledger = openLedger({ path: ':memory:', now: () => NOW, actor: '测试' });
  const report = fillDemoLedger(ledger.ctx, { count, seed, now: NOW, batchSize: 97 });
  const rows = ledger.db
    .prepare('SELECT number, title, summary, found_at, status, categories FROM incidents ORDER BY number')
    .all() as { number: string; title: string; summary: string; found_at: string; status: IncidentStatus; categories: string }[];
  return { ledger, report, rows };
}

describe('demo generator', () => {
  it('is deterministic: the same seed gives the same incidents, another seed different ones', () => {
    const a = generateIncidents({ count: 200, seed: 7, now: NOW });
    expect(generateIncidents({ count: 200, seed: 7, now: NOW })).toEqual(a);
    const b = generateIncidents({ count: 200, seed: 8, now: NOW });
    expect(b.map((g) => g.fields.title)).not.toEqual(a.map((g) => g.fields.title));
  });

  it('draws the same numbers from the same PRNG seed', () => {
    const draw = (seed: number) => {
      const rng = createRng(seed);
      return Array.from({ length: 5 }, () => rng.next());
    };
    expect(draw(42)).toEqual(draw(42));
    expect(draw(42)).not.toEqual(draw(43));
  });

  it('yields exactly the parsed form of incidentInputSchema', () => {
    for (const g of generateIncidents({ count: 300, seed: 3, now: NOW })) {
      expect(incidentInputSchema.parse(g.fields)).toEqual(g.fields);
      expect(g.fields.categories.length).toBeGreaterThanOrEqual(1);
      expect(g.fields.categories.length).toBeLessThanOrEqual(2);
    }
  });

  it('places incidents in the two years before now, first seen before found, registered after', () => {
    for (const g of generateIncidents({ count: 500, seed: 5, now: NOW })) {
      const found = Date.parse(g.fields.foundAt);
      expect(found).toBeLessThanOrEqual(NOW);
      expect(found).toBeGreaterThan(NOW - 731 * DAY);
      if (g.fields.firstSeenAt) expect(Date.parse(g.fields.firstSeenAt)).toBeLessThanOrEqual(found);
      expect(Date.parse(g.registeredAt)).toBeGreaterThanOrEqual(found);
      for (const step of g.steps) expect(Date.parse(step.at)).toBeLessThanOrEqual(NOW);
    }
  });

  it('names only units, townships and categories that the seeds define', () => {
    const units = new Set(SEEDS.units.map((u) => u.id));
    const codes = new Set(SEEDS.categories.map((c) => c.code));
    expect(new Set(DEMO_CATEGORIES)).toEqual(codes);
    for (const category of DEMO_CATEGORIES) {
      for (const t of TEMPLATES[category]) {
        expect(units.has(t.lead), t.lead).toBe(true);
        for (const co of t.co) expect(units.has(co), co).toBe(true);
      }
    }
  });

  it('routes incidents to sensible lead units and weights severities like a real ledger', () => {
    const all = generateIncidents({ count: 4000, seed: 11, now: NOW });
    const wages = all.filter((g) => g.fields.categories[0] === 'wages');
    const toRsj = wages.filter((g) => g.fields.leadUnit === 'u-rsj').length;
    expect(toRsj / wages.length).toBeGreaterThan(0.6);
    const env = all.filter((g) => g.fields.categories[0] === 'environment');
    expect(env.filter((g) => g.fields.leadUnit === 'u-sthjj').length / env.length).toBeGreaterThan(0.3);
    const share = (s: string) => all.filter((g) => g.fields.severity === s).length / all.length;
    expect(share('general')).toBeGreaterThan(0.62);
    expect(share('general')).toBeLessThan(0.78);
    expect(share('extreme')).toBeLessThan(0.05);
    expect(share('extreme')).toBeGreaterThan(0.005);
  });

  it('gives statuses in proportions that follow from age', () => {
    const all = generateIncidents({ count: 4000, seed: 13, now: NOW });
    const share = (s: IncidentStatus) => all.filter((g) => g.status === s).length / all.length;
    for (const status of STATUSES) expect(share(status), status).toBeGreaterThan(0);
    expect(share('closed')).toBeGreaterThan(0.7);
    expect(share('no_response')).toBeGreaterThan(0.05);
    expect(share('no_response')).toBeLessThan(0.2);
    // Nothing found more than a month ago still waits for 研判 or an answer.
    const old = all.filter((g) => Date.parse(g.fields.foundAt) < NOW - 30 * DAY);
    expect(old.some((g) => g.status === 'triage' || g.status === 'handling')).toBe(false);
    // Most of the open work is recent.
    const open = all.filter((g) => g.status === 'triage' || g.status === 'handling' || g.status === 'responded');
    expect(open.filter((g) => Date.parse(g.fields.foundAt) > NOW - 30 * DAY).length / open.length).toBeGreaterThan(0.8);
  });
});

describe('fillDemoLedger', () => {
  it('fills the same ledger from the same seed: titles, summaries and numbers', () => {
    const a = filledLedger(300, 1);
    const b = filledLedger(300, 1);
    try {
      expect(a.rows).toHaveLength(300);
      expect(b.rows.map((r) => [r.number, r.title, r.summary, r.status])).toEqual(
        a.rows.map((r) => [r.number, r.title, r.summary, r.status]),
      );
    } finally {
      a.ledger.close();
      b.ledger.close();
    }
  });

  it('uses every category, and numbers are unique, well formed and consecutive per found-at year', () => {
    const { ledger, rows } = filledLedger(300, 2);
    try {
      const used = new Set(rows.flatMap((r) => JSON.parse(r.categories) as string[]));
      expect(used).toEqual(new Set(DEMO_CATEGORIES));
      expect(new Set(rows.map((r) => r.number)).size).toBe(rows.length);
      const byYear = new Map<number, number[]>();
      for (const r of rows) {
        const m = /^YQ-(\d{4})-(\d{4})$/.exec(r.number);
        expect(m, r.number).not.toBeNull();
        expect(Number(m![1])).toBe(chinaYear(r.found_at));
        byYear.set(Number(m![1]), [...(byYear.get(Number(m![1])) ?? []), Number(m![2])]);
      }
      for (const seqs of byYear.values()) expect(seqs.sort((x, y) => x - y)).toEqual(seqs.map((_, i) => i + 1));
    } finally {
      ledger.close();
    }
  });

  it('writes through the mutation path: one audit entry per registration and status change, chain intact', () => {
    const { ledger, report, rows } = filledLedger(300, 3);
    try {
      const audit = verifyAudit(ledger.db);
      expect(audit.ok).toBe(true);
      expect(audit.entries).toBe(1 + report.auditEntries); // + the reference seed
      expect(report.auditEntries).toBe(report.incidents + report.transitions + report.commitmentEvents);
      const ops = (
        ledger.db.prepare("SELECT count(*) AS n FROM ops WHERE tbl IN ('incidents', 'responses', 'commitments', 'followups')").get() as { n: number }
      ).n;
      expect(ops).toBe(report.ops);
      const counted = Object.fromEntries(STATUSES.map((s) => [s, rows.filter((r) => r.status === s).length]));
      expect(counted).toEqual(report.statuses);
      expect(report.statuses.closed + report.statuses.no_response).toBeGreaterThan(0.75 * rows.length);
    } finally {
      ledger.close();
    }
  });

  it('continues the numbering of a ledger that already has incidents', () => {
    const ledger = openLedger({ path: ':memory:', now: () => NOW });
    try {
      fillDemoLedger(ledger.ctx, { count: 50, seed: 4, now: NOW });
      fillDemoLedger(ledger.ctx, { count: 50, seed: 5, now: NOW });
      const numbers = (ledger.db.prepare('SELECT number FROM incidents').all() as { number: string }[]).map((r) => r.number);
      expect(new Set(numbers).size).toBe(100);
      expect(verifyAudit(ledger.db).ok).toBe(true);
    } finally {
      ledger.close();
    }
  });
});

interface CommitmentDbRow {
  id: string;
  incident_id: string;
  response_id: string | null;
  number: string;
  content: string;
  person: string;
  promised_at: string;
  deadline_kind: 'date' | 'workdays' | 'days';
  deadline_n: number;
  deadline_from: string;
  deadline: string;
  calendar_verified: number;
  status: string;
  status_reason: string;
  fulfilled_at: string | null;
  pub_state: string;
  pub_channel: string | null;
  pub_at: string | null;
  pub_url: string;
  pub_note: string;
}

const commitmentRows = (ledger: ReturnType<typeof openLedger>) =>
  ledger.db.prepare('SELECT * FROM commitments ORDER BY number').all() as CommitmentDbRow[];

describe('demo commitments', () => {
  it('makes 1–2 commitments exactly for the stories that entered 跟踪落实, tied to their first response', () => {
    const { ledger, report } = filledLedger(400, 21);
    try {
      const tracked = new Set(
        (ledger.db.prepare(`SELECT DISTINCT row FROM ops WHERE tbl = 'incidents' AND col = 'status' AND value = '"tracking"'`).all() as { row: string }[]).map(
          (r) => r.row,
        ),
      );
      expect(tracked.size).toBeGreaterThan(50);
      const perIncident = new Map<string, number>();
      for (const c of commitmentRows(ledger)) perIncident.set(c.incident_id, (perIncident.get(c.incident_id) ?? 0) + 1);
      expect(new Set(perIncident.keys())).toEqual(tracked);
      for (const n of perIncident.values()) expect([1, 2]).toContain(n);
      const incidents = ledger.db.prepare('SELECT id, number, status FROM incidents').all() as { id: string; number: string; status: IncidentStatus }[];
      const byId = new Map(incidents.map((i) => [i.id, i]));
      for (const c of commitmentRows(ledger)) {
        expect(c.response_id).toBe(`${c.incident_id}-r1`);
        expect(ledger.db.prepare('SELECT incident_id FROM responses WHERE id = ?').get(c.response_id)).toEqual({ incident_id: c.incident_id });
        expect(c.number).toMatch(new RegExp(`^${byId.get(c.incident_id)!.number}-C[12]$`));
        // Open while the story is tracked, settled once it is closed.
        const open = c.status === 'pending' || c.status === 'in_progress';
        expect(open).toBe(byId.get(c.incident_id)!.status === 'tracking');
      }
      const counted = Object.fromEntries(RECORDED_COMMITMENT_STATUSES.map((s) => [s, commitmentRows(ledger).filter((c) => c.status === s).length]));
      expect(counted).toEqual(report.commitments);
      expect(report.followups).toBe((ledger.db.prepare('SELECT count(*) AS n FROM followups').get() as { n: number }).n);
    } finally {
      ledger.close();
    }
  });

  it('never leaves a 已办结 incident against the closing rule, and the audit chain verifies', () => {
    const { ledger } = filledLedger(400, 22);
    try {
      const closed = ledger.db.prepare("SELECT id FROM incidents WHERE status = 'closed'").all() as { id: string }[];
      expect(closed.length).toBeGreaterThan(250);
      for (const { id } of closed) expect(closingBlockers(ledger.db, id, NOW), id).toEqual([]);
      for (const c of commitmentRows(ledger).filter((r) => r.status === 'fulfilled' || r.status === 'unfulfillable')) {
        if (c.status === 'fulfilled') expect(c.fulfilled_at).not.toBeNull();
        else expect(c.status_reason).not.toBe('');
        if (c.pub_state === 'published') expect([c.pub_channel, c.pub_at]).not.toContain(null);
        else expect(c.pub_note).not.toBe('');
      }
      expect(verifyAudit(ledger.db).ok).toBe(true);
    } finally {
      ledger.close();
    }
  });

  it('stores what the core stores: field types, deadlines from the calendar, rows the API schema accepts', () => {
    const { ledger } = filledLedger(300, 23);
    try {
      const ops = ledger.db.prepare("SELECT tbl, col, value FROM ops WHERE tbl IN ('commitments', 'followups')").all() as {
        tbl: string;
        col: string;
        value: string;
      }[];
      expect(ops.length).toBeGreaterThan(0);
      for (const op of ops) expect(valueFits(fieldTypeOf(op.tbl, op.col)!, JSON.parse(op.value)), `${op.tbl}.${op.col}`).toBe(true);
      const rows = commitmentRows(ledger);
      expect(new Set(rows.map((c) => c.deadline_kind))).toEqual(new Set(['workdays', 'days', 'date']));
      for (const c of rows) {
        const given =
          c.deadline_kind === 'date' ? { date: c.deadline } : { [c.deadline_kind]: c.deadline_n, from: c.deadline_from };
        const preview = previewDeadline(ledger.db, given, c.promised_at);
        expect([preview.date, preview.verified]).toEqual([c.deadline, c.calendar_verified === 1]);
        if (c.deadline_kind !== 'date') expect(c.deadline_from).toBe(chinaDateOf(Date.parse(c.promised_at)));
        if (c.deadline_kind === 'workdays') expect(c.deadline_n).toBeGreaterThanOrEqual(5);
        if (c.deadline_kind === 'workdays') expect(c.deadline_n).toBeLessThanOrEqual(30);
        expect(commitmentSchema.parse(getCommitment(ledger.db, c.id, NOW)).number).toBe(c.number);
      }
    } finally {
      ledger.close();
    }
  });

  it('leaves open commitments on the board, some overdue and 督办/催办 after their deadline', () => {
    const { ledger } = filledLedger(1200, 24);
    try {
      const board = getBoard(ledger.db, NOW);
      expect(board.counts.overdue).toBeGreaterThan(0);
      expect(board.counts.dueToday + board.counts.dueSoon + board.counts.later).toBeGreaterThan(0);
      const followups = ledger.db
        .prepare('SELECT f.kind, f.at, f.incident_id, c.incident_id AS of, c.deadline, c.promised_at FROM followups f JOIN commitments c ON c.id = f.commitment_id')
        .all() as { kind: string; at: string; incident_id: string; of: string; deadline: string; promised_at: string }[];
      expect(followups.length).toBeGreaterThan(0);
      expect(followups.length).toBe((ledger.db.prepare('SELECT count(*) AS n FROM followups').get() as { n: number }).n);
      for (const f of followups) {
        expect(['supervise', 'urge']).toContain(f.kind);
        expect(f.incident_id).toBe(f.of);
        expect(chinaDateOf(Date.parse(f.at)) > f.deadline).toBe(true);
        expect(Date.parse(f.at)).toBeLessThanOrEqual(NOW);
      }
    } finally {
      ledger.close();
    }
  });

  it('gives the same commitments and follow-ups from the same seed', () => {
    const snapshot = (seed: number) => {
      const { ledger } = filledLedger(300, seed);
      try {
        const numbers = new Map((ledger.db.prepare('SELECT id, number FROM incidents').all() as { id: string; number: string }[]).map((r) => [r.id, r.number]));
        return {
          commitments: commitmentRows(ledger).map(({ id: _id, incident_id, response_id: _r, ...rest }) => ({ ...rest, incident: numbers.get(incident_id) })),
          followups: (
            ledger.db.prepare('SELECT c.number, f.kind, f.at, f.actor, f.content FROM followups f JOIN commitments c ON c.id = f.commitment_id ORDER BY f.at, c.number').all()
          ),
        };
      } finally {
        ledger.close();
      }
    };
    const a = snapshot(25);
    expect(a.commitments.length).toBeGreaterThan(0);
    expect(snapshot(25)).toEqual(a);
    expect(snapshot(26).commitments).not.toEqual(a.commitments);
  });

  it('settles about 3% 无法兑现 with a reason, the rest 已兑现, most made public', () => {
    const calendar = createCalendar();
    const plans = generateIncidents({ count: 6000, seed: 27, now: NOW }).flatMap((g) => {
      const tracking = g.steps.find((s) => s.to === 'tracking');
      const closedAt = g.steps.find((s) => s.to === 'closed')?.at ?? null;
      if (!tracking || closedAt === null) return [];
      return planCommitments({
        index: g.index,
        category: g.category,
        severity: g.fields.severity,
        unitName: '县住建局',
        trackingAt: tracking.at,
        closedAt,
        asOf: NOW,
        calendar,
      }).commitments;
    });
    expect(plans.length).toBeGreaterThan(1000);
    const share = (pred: (c: (typeof plans)[number]) => boolean) => plans.filter(pred).length / plans.length;
    expect(share((c) => c.outcome === 'unfulfillable')).toBeGreaterThan(0.01);
    expect(share((c) => c.outcome === 'unfulfillable')).toBeLessThan(0.05);
    expect(share((c) => c.closing!.pub_state === 'published')).toBeGreaterThan(0.8);
    for (const c of plans.filter((p) => p.outcome === 'unfulfillable')) {
      expect(c.closing).toMatchObject({ pub_state: 'not_published' });
      expect(c.closing!.status_reason).not.toBe('');
    }
  });
});
