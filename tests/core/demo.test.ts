import { describe, expect, it } from 'vitest';
import { chinaYear } from '../../shared/china-time.js';
import { STATUSES, type IncidentStatus } from '../../shared/domain.js';
import { incidentInputSchema } from '../../shared/schemas.js';
import { fillDemoLedger } from '../../electron/core/demo/fill.js';
import { generateIncidents } from '../../electron/core/demo/generate.js';
import { createRng } from '../../electron/core/demo/prng.js';
import { DEMO_CATEGORIES, TEMPLATES } from '../../electron/core/demo/templates.js';
import { verifyAudit } from '../../electron/core/ledger/audit.js';
import { SEEDS } from '../../electron/core/ledger/seed.js';
import { openLedger } from '../../electron/core/ledger.js';

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
      expect(report.auditEntries).toBe(report.incidents + report.transitions);
      const ops = (ledger.db.prepare("SELECT count(*) AS n FROM ops WHERE tbl IN ('incidents', 'responses')").get() as { n: number }).n;
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
