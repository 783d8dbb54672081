import { createHash } from 'node:crypto';
import type { z } from 'zod';
import type { CommitmentPatch } from '../../../shared/api/commitments.js';
import { commitmentInputSchema, commitmentPatchSchema } from '../../../shared/api/commitments.js';
import { IMPORT_FIELDS, type ImportField, type RowProblem } from '../../../shared/api/excel.js';
import { responseInputSchema } from '../../../shared/api/responses.js';
import { type IncidentStatus, RESPONSE_CHANNEL_LABELS, RESPONSE_METHOD_LABELS } from '../../../shared/domain.js';
import { type CategoryWords, normaliseWord, resolveCategoryWord, resolveCoded, splitWrittenList } from '../../../shared/input/coded-values.js';
import { type IncidentFields, incidentInputSchema } from '../../../shared/schemas.js';
import { readDeadline, readProgress, readPublication, readTimeCell, splitNumbered } from './cell-values.js';
import type { HeaderColumn } from './header.js';
import type { Cell } from './read-workbook.js';

// One spreadsheet row → the records it becomes: an incident, its responses and commitments (numbered inside a
// cell when there are several, as the export writes them), each checked by the contract's own schemas. Every
// problem names the Excel row and the column as the person sees it; anything without a ledger field goes to 备注.

export type ResponseFields = Omit<z.output<typeof responseInputSchema>, 'incident'>;
export type CommitmentAdd = Omit<z.output<typeof commitmentInputSchema>, 'incident' | 'response'>;

export interface PlannedRow {
  row: number;
  fingerprint: string;
  incident: IncidentFields;
  status: { to: IncidentStatus; reason: string } | null;
  responses: ResponseFields[];
  commitments: { add: CommitmentAdd; patch: CommitmentPatch | null }[];
  /** The 编号 the row carried (an exported 台账), kept in 备注 when the ledger gives another. */
  number: string;
  errors: RowProblem[];
  warnings: RowProblem[];
}

export interface NameLookup {
  /** A unit or township's id by its name in the file (after the person's mapping), or undefined. */
  unit(name: string): string | undefined;
  township(name: string): string | undefined;
}

export interface PlanContext {
  columns: readonly HeaderColumn[];
  /** The field each column was mapped to (suggested, remembered or given). */
  fieldOf: (column: HeaderColumn) => ImportField;
  categories: readonly CategoryWords[];
  names: NameLookup;
  now: number;
}

/** The content of a row as the ledger reads it, for recognising the row in a later copy of the file. */
export function rowFingerprint(cells: readonly (Cell | null)[], columns: readonly { index: number; field: ImportField }[]): string {
  const parts = columns
    .filter((c) => c.field !== 'ignore')
    .map((c) => normaliseWord(cells[c.index]?.date ?? cells[c.index]?.text ?? ''));
  return createHash('sha256').update(parts.join('\u0001')).digest('hex');
}

const FIELD_PATHS: Record<string, ImportField> = {
  title: 'title', summary: 'summary', platform: 'platform', url: 'url', firstSeenAt: 'firstSeenAt', foundAt: 'foundAt',
  registrar: 'registrar', township: 'township', involvedUnit: 'involvedUnit', categories: 'categories', keyType61: 'keyType61',
  severity: 'severity', sentiment: 'sentiment', leadUnit: 'leadUnit', coUnits: 'coUnits', leaderInstruction: 'leaderInstruction',
};
const RESPONSE_PATHS: Record<string, ImportField> = {
  at: 'responseAt', method: 'responseMethod', channel: 'responseChannel', url: 'responseUrl', content: 'responseContent', unit: 'responseUnit', disposition: 'disposition',
};
const COMMITMENT_PATHS: Record<string, ImportField> = {
  content: 'commitmentContent', unit: 'commitmentUnit', person: 'commitmentPerson', promisedAt: 'commitmentAt', deadline: 'commitmentDeadline',
  status: 'commitmentProgress', statusReason: 'commitmentProgress', evidence: 'commitmentProgress', fulfilledAt: 'commitmentProgress', publication: 'commitmentPublication',
};
export const PATHS_BY_RECORD = { incident: FIELD_PATHS, response: RESPONSE_PATHS, commitment: COMMITMENT_PATHS };

export function planRow(cells: readonly (Cell | null)[], excelRow: number, ctx: PlanContext): PlannedRow {
  const errors: RowProblem[] = [];
  const warnings: RowProblem[] = [];
  const notes: string[] = [];
  const byField = new Map<ImportField, HeaderColumn[]>();
  for (const column of ctx.columns) {
    const field = ctx.fieldOf(column);
    byField.set(field, [...(byField.get(field) ?? []), column]);
  }
  const columnOf = (field: ImportField) => byField.get(field)?.[0];
  const labelOf = (field: ImportField) => columnOf(field)?.label ?? fieldLabel(field);
  const cellOf = (field: ImportField) => {
    for (const column of byField.get(field) ?? []) {
      const cell = cells[column.index];
      if (cell && (cell.text !== '' || cell.date)) return cell;
    }
    return undefined;
  };
  const textOf = (field: ImportField) => cellOf(field)?.text.trim() ?? '';
  const error = (field: ImportField, message: string) => errors.push({ row: excelRow, column: labelOf(field), message });
  const warn = (field: ImportField, message: string) => warnings.push({ row: excelRow, column: labelOf(field), message });

  const time = (field: ImportField, required: boolean) => {
    const read = readTimeCell(cellOf(field), ctx.now);
    if (read === undefined) {
      if (required) error(field, '未填写');
      return null;
    }
    if (!read.ok) {
      error(field, read.reason);
      return null;
    }
    return read.value;
  };
  /** A coded word; one with no match takes 其他 and is kept in 备注 (platform, 方式, 渠道) or refused. */
  const coded = <F extends 'platform' | 'responseMethod' | 'responseChannel'>(field: ImportField, name: F, text: string) => {
    const code = resolveCoded(name, text);
    if (code !== undefined) return code;
    warn(field, `“${text}”不在可选项中，记为“其他”，原文记入备注`);
    notes.push(`${labelOf(field)}原文：${text}`);
    return 'other' as const;
  };
  const unitRef = (field: ImportField, name: string) => {
    const id = ctx.names.unit(name);
    if (id === undefined) error(field, `没有名为“${name}”的单位，请在映射中对应到已有单位或新增`);
    return id ?? name;
  };

  // The incident.
  const categoryWords = splitWrittenList(textOf('categories'));
  const categories = categoryWords.map((word) => {
    const code = resolveCategoryWord(ctx.categories, word);
    if (code !== undefined) return code;
    warn('categories', `“${word}”不是已有的敏感类别，记为“其他”，原文记入备注`);
    notes.push(`${labelOf('categories')}原文：${word}`);
    return 'other';
  });
  if (categories.length === 0) {
    if (columnOf('categories')) warn('categories', '未填写，记为“其他”');
    categories.push('other');
  }
  const severityText = textOf('severity');
  const severity = severityText === '' ? 'general' : resolveCoded('severity', severityText);
  if (severity === undefined) error('severity', `“${severityText}”无效，可写一般、较大、重大、特别重大`);
  const sentimentText = textOf('sentiment');
  const sentiment = sentimentText === '' ? 'negative' : resolveCoded('sentiment', sentimentText);
  if (sentiment === undefined) error('sentiment', `“${sentimentText}”无效，可写负面、中性、正面`);
  const keyTypeText = textOf('keyType61');
  const keyType61 = keyTypeText === '' ? null : resolveCoded('keyType61', keyTypeText);
  if (keyType61 === undefined) {
    warn('keyType61', `“${keyTypeText}”不是61号文的重点回应类型，原文记入备注`);
    notes.push(`${labelOf('keyType61')}原文：${keyTypeText}`);
  }
  const townshipText = textOf('township');
  let township: string | null = null;
  if (townshipText !== '') {
    township = ctx.names.township(townshipText) ?? null;
    if (township === null) error('township', `没有名为“${townshipText}”的乡镇（街道），请在映射中对应到已有乡镇或新增`);
  }
  const leadText = textOf('leadUnit');
  const leadUnit = leadText === '' ? null : unitRef('leadUnit', splitWrittenList(leadText)[0] ?? leadText);
  const coUnits = [...splitWrittenList(leadText).slice(1), ...splitWrittenList(textOf('coUnits'))].map((name) => unitRef('coUnits', name));
  const url = textOf('url');
  const goodUrl = url === '' || /^https?:\/\/\S+$/i.test(url) ? url : /^[\w.-]+\.[a-z]{2,}(\/\S*)?$/i.test(url) ? `http://${url}` : '';
  if (url !== '' && goodUrl === '') {
    warn('url', `“${url}”不是网址，记入备注`);
    notes.push(`${labelOf('url')}：${url}`);
  }
  for (const column of byField.get('note') ?? []) {
    const cell = cells[column.index];
    const text = cell?.date ?? cell?.text ?? '';
    if (text.trim() !== '') notes.push(column.label === '备注' ? text.trim() : `${column.header}：${text.trim()}`);
  }
  const number = textOf('number');
  const platformText = textOf('platform');
  const statusText = textOf('status');
  let status: PlannedRow['status'] = null;
  if (statusText !== '') {
    const to = resolveCoded('status', statusText.replace(/[（(].*$/, ''));
    if (to === undefined) {
      warn('status', `“${statusText}”不是处置状态，原文记入备注`);
      notes.push(`${labelOf('status')}：${statusText}`);
    } else {
      status = { to, reason: textOf('statusReason') || (/[（(](.*)[）)]$/.exec(statusText)?.[1] ?? '') };
    }
  }

  const foundAt = time('foundAt', true) ?? '';
  const firstSeenAt = time('firstSeenAt', false);
  const platform = platformText === '' ? 'other' : coded('platform', 'platform', platformText);
  if (platformText === '' && columnOf('platform')) warn('platform', '未填写，记为“其他”');

  // Responses: the i-th item of each response column belongs together.
  const responses: ResponseFields[] = [];
  const responseItems = itemsOf(['responseAt', 'responseMethod', 'responseChannel', 'responseContent', 'responseUnit', 'responseUrl', 'disposition'], cellOf);
  for (const item of responseItems) {
    const at = readTimeCell(item.cell('responseAt') ?? { text: item.text('responseAt') }, ctx.now);
    if (at === undefined) {
      error('responseAt', '有回应内容时须填写回应时间');
      continue;
    }
    if (!at.ok) {
      error('responseAt', at.reason);
      continue;
    }
    const unitName = item.text('responseUnit') || (leadUnit === null ? '' : leadText.split(/[、,;，；]/)[0] ?? '');
    if (unitName === '') {
      error('responseUnit', '未填写回应单位，且没有牵头单位');
      continue;
    }
    const methodWord = item.text('responseMethod');
    const method = methodWord === '' ? 'other' : coded('responseMethod', 'responseMethod', methodWord);
    const channel = item.text('responseChannel') === '' ? 'other' : coded('responseChannel', 'responseChannel', item.text('responseChannel'));
    const disposition = item.text('disposition') === '' ? null : (resolveCoded('disposition', item.text('disposition')) ?? null);
    if (item.text('disposition') !== '' && disposition === null) warn('disposition', `“${item.text('disposition')}”不是80号文的分类处置，未记录`);
    const content = item.text('responseContent') || `${RESPONSE_METHOD_LABELS[method]}（${RESPONSE_CHANNEL_LABELS[channel]}）`;
    const parsed = responseInputSchema.safeParse({
      incident: 'row', at: at.value, method, channel, url: /^https?:\/\//i.test(item.text('responseUrl')) ? item.text('responseUrl') : '', content,
      unit: unitRef('responseUnit', unitName), disposition,
    });
    if (parsed.success) {
      const { incident: _incident, ...fields } = parsed.data;
      responses.push(fields);
    } else for (const issue of parsed.error.issues) error(RESPONSE_PATHS[String(issue.path[0])] ?? 'responseContent', issue.message);
  }

  // Commitments.
  const commitments: PlannedRow['commitments'] = [];
  const commitmentItems = itemsOf(['commitmentContent', 'commitmentUnit', 'commitmentPerson', 'commitmentAt', 'commitmentDeadline', 'commitmentProgress', 'commitmentPublication'], cellOf);
  for (const item of commitmentItems) {
    if (item.text('commitmentContent') === '') {
      error('commitmentContent', '有承诺时限或落实情况时须填写承诺内容');
      continue;
    }
    const promised = readTimeCell(item.cell('commitmentAt') ?? { text: item.text('commitmentAt') }, ctx.now);
    if (promised && !promised.ok) {
      error('commitmentAt', promised.reason);
      continue;
    }
    const promisedAt = promised?.value ?? responses[0]?.at ?? foundAt;
    const deadline = readDeadline(item.cell('commitmentDeadline'), item.text('commitmentDeadline'), ctx.now);
    if (deadline === undefined) {
      error('commitmentDeadline', '有承诺内容时须填写承诺时限');
      continue;
    }
    if (!deadline.ok) {
      error('commitmentDeadline', deadline.reason);
      continue;
    }
    const unitName = item.text('commitmentUnit') || (leadText.split(/[、,;，；]/)[0] ?? '');
    if (unitName === '') {
      error('commitmentUnit', '未填写责任单位，且没有牵头单位');
      continue;
    }
    const add = commitmentInputSchema.safeParse({
      incident: 'row', content: item.text('commitmentContent'), unit: unitRef('commitmentUnit', unitName), person: item.text('commitmentPerson'),
      promisedAt, deadline: deadline.value,
    });
    if (!add.success) {
      for (const issue of add.error.issues) error(COMMITMENT_PATHS[String(issue.path[0])] ?? 'commitmentContent', issue.message);
      continue;
    }
    const progress = readProgress(item.text('commitmentProgress'), ctx.now);
    const publication = readPublication(item.text('commitmentPublication'), ctx.now);
    if (publication?.unknownChannel) warn('commitmentPublication', `未能识别公开渠道“${publication.unknownChannel}”，记为“其他”`);
    const patchInput: Record<string, unknown> = {};
    if (progress) {
      patchInput.status = progress.status;
      if (progress.status === 'unfulfillable') patchInput.statusReason = progress.text || '原台账记为无法兑现';
      else if (progress.text !== '' || progress.status === 'fulfilled') patchInput.evidence = progress.text || '原台账记为已兑现';
      if (progress.fulfilledAt) patchInput.fulfilledAt = progress.fulfilledAt;
    }
    if (publication) {
      const at = publication.at ?? progress?.fulfilledAt ?? null;
      if (publication.published && at === null) warn('commitmentPublication', '未写明公开时间，记为导入时间');
      patchInput.publication = {
        published: publication.published, channel: publication.channel, at: publication.published ? (at ?? new Date(ctx.now).toISOString()) : null,
        url: publication.url, note: publication.note,
      };
    }
    let patch: CommitmentPatch | null = null;
    if (Object.keys(patchInput).length > 0) {
      const parsed = commitmentPatchSchema.safeParse(patchInput);
      if (parsed.success) patch = parsed.data;
      else for (const issue of parsed.error.issues) error(COMMITMENT_PATHS[String(issue.path[0])] ?? 'commitmentProgress', issue.message);
    }
    const { incident: _incident, response: _response, ...fields } = add.data;
    commitments.push({ add: fields, patch });
  }

  // The incident last: what its rows' responses and commitments could not hold is in `notes` by now.
  const summary = textOf('summary');
  const incidentInput = {
    title: textOf('title'),
    summary: notes.length === 0 ? summary : `${summary}${summary === '' ? '' : '\n\n'}备注：${notes.join('；')}`,
    platform,
    url: goodUrl,
    firstSeenAt,
    foundAt,
    registrar: textOf('registrar'),
    township,
    involvedUnit: textOf('involvedUnit'),
    categories,
    keyType61: keyType61 ?? null,
    severity: severity ?? 'general',
    sentiment: sentiment ?? 'negative',
    leadUnit,
    coUnits,
    leaderInstruction: textOf('leaderInstruction'),
  };
  const incidentParsed = incidentInputSchema.safeParse(incidentInput);
  if (!incidentParsed.success && errors.length === 0) {
    for (const issue of incidentParsed.error.issues) error(FIELD_PATHS[String(issue.path[0])] ?? 'title', issue.message);
  }

  const fingerprintColumns = ctx.columns.map((c) => ({ index: c.index, field: ctx.fieldOf(c) }));
  return {
    row: excelRow,
    fingerprint: rowFingerprint(cells, fingerprintColumns),
    // The input as read stands in when the schema refused it: a row with errors is never written.
    incident: incidentParsed.success ? incidentParsed.data : incidentInput,
    status,
    responses,
    commitments,
    number,
    errors,
    warnings,
  };
}

interface Item {
  /** The item's text in a column of the group ('' when the column is absent or has fewer items). */
  text(field: ImportField): string;
  /** The cell itself when it is an Excel date (one item only). */
  cell(field: ImportField): Cell | undefined;
}

/** The numbered items of a group of columns: item i takes the i-th line of each numbered cell. */
function itemsOf(fields: readonly ImportField[], cellOf: (field: ImportField) => Cell | undefined): Item[] {
  const split = new Map(
    fields.map((field) => {
      const cell = cellOf(field);
      return [field, { cell, parts: cell?.date ? [cell.date] : splitNumbered(cell?.text ?? '') }] as const;
    }),
  );
  const count = Math.max(0, ...[...split.values()].map((s) => s.parts.length));
  return Array.from({ length: count }, (_, i) => ({
    text: (field) => split.get(field)?.parts[i] ?? '',
    cell: (field) => {
      const s = split.get(field);
      return s?.cell?.date && i === 0 ? s.cell : undefined;
    },
  }));
}

function fieldLabel(field: ImportField): string {
  return IMPORT_FIELDS[field];
}
