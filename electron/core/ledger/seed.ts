import { z } from 'zod';
import categoriesSeed from '../../../seeds/categories.json' with { type: 'json' };
import responseRulesSeed from '../../../seeds/response-rules.json' with { type: 'json' };
import townshipsSeed from '../../../seeds/townships.json' with { type: 'json' };
import unitsSeed from '../../../seeds/units.json' with { type: 'json' };
import { SEVERITIES, UNIT_KINDS } from '../../../shared/domain.js';
import { createHash } from 'node:crypto';
import { formatHlc } from '../sync/hlc.js';
import { type Change, type LedgerContext, mutateStamped } from './mutate.js';

// Reference data for a new ledger. Seeded rows have fixed ids, and their operations carry stamps derived from
// their content under a seed site no workstation uses, dated before 2000: every workstation writes the very same
// seed operations (they deduplicate in sync), and any real edit — made earlier or later, anywhere — outranks
// them. Stamping seeds with the install time would let a workstation installed later overwrite the office's
// edits (keywords, unit names, response rules) with the defaults.

/** The site of seed operations: not a workstation. */
export const SEED_SITE = '0000000000000000';
const SEED_EPOCH_SPAN_MS = 946_684_800_000; // 1970-01-01 .. 2000-01-01

function seedStamp(op: { tbl: string; row: string; col: string; value: unknown }): string {
  const digest = createHash('sha256').update(JSON.stringify([op.tbl, op.row, op.col, op.value])).digest();
  const millis = Number(digest.readBigUInt64BE(0) % BigInt(SEED_EPOCH_SPAN_MS));
  return formatHlc({ millis, counter: digest.readUInt16BE(8), site: SEED_SITE });
}

const seedSchema = z.object({
  categories: z
    .array(
      z.object({
        code: z.string().regex(/^[a-z_]+$/),
        name: z.string().min(1),
        short: z.string().min(1),
        color: z.string().regex(/^#[0-9a-f]{6}$/i),
        keywords: z.array(z.string().min(1)),
      }),
    )
    .length(10),
  units: z.array(z.object({ id: z.string().min(1), name: z.string().min(1), kind: z.enum(UNIT_KINDS) })).min(1),
  townships: z.array(z.object({ id: z.string().min(1), name: z.string().min(1) })).min(1),
  responseRules: z
    .array(
      z.object({
        severity: z.enum(SEVERITIES),
        infoHours: z.number().positive().nullable(),
        pressHours: z.number().positive().nullable(),
        responseHours: z.number().positive().nullable(),
      }),
    )
    .length(SEVERITIES.length),
});

export const SEEDS = seedSchema.parse({
  categories: categoriesSeed,
  units: unitsSeed,
  townships: townshipsSeed,
  responseRules: responseRulesSeed,
});

export function seedReference(ctx: LedgerContext): void {
  const changes: Change[] = [
    ...SEEDS.categories.map((c, i): Change => ({
      table: 'categories',
      row: c.code,
      fields: { name: c.name, short: c.short, color: c.color, keywords: c.keywords, builtin: true, sort_order: i },
    })),
    ...SEEDS.units.map((u, i): Change => ({
      table: 'units',
      row: u.id,
      fields: { name: u.name, kind: u.kind, active: true, sort_order: i },
    })),
    ...SEEDS.townships.map((t, i): Change => ({
      table: 'townships',
      row: t.id,
      fields: { name: t.name, active: true, sort_order: i },
    })),
    ...SEEDS.responseRules.map((r): Change => ({
      table: 'response_rules',
      row: r.severity,
      fields: { info_hours: r.infoHours, press_hours: r.pressHours, response_hours: r.responseHours },
    })),
  ];
  mutateStamped(
    { ...ctx, site: SEED_SITE, actor: '系统' },
    { action: 'seed', entity: 'reference', entityId: '', summary: '载入基础数据（敏感类别、单位、乡镇街道、回应时限）' },
    changes,
    seedStamp,
  );
}
