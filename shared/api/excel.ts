import { z } from 'zod';
import { text } from '../text.js';
import { codedRef, incidentQuerySchema, rowFactColumnsSchema } from '../schemas.js';
import { INCIDENT_FIELD_LABELS } from '../field-labels.js';
import { filePath } from '../file-path.js';
import { noInput } from './app.js';

// Excel in and out: an office's existing 台账 (.xlsx, .xls from Excel or WPS, .csv in UTF-8 or GBK) read into the
// ledger through a column mapping, and the 台账 / 承诺督办 table written as .xlsx in the office's layout.

/**
 * What a spreadsheet column can become: an incident's own field (named as shared/field-labels.ts names it), a
 * response's or a commitment's. `note` columns go into the incident's 备注 (its 摘要), `ignore` nowhere.
 */
export const IMPORT_FIELDS = {
  ...INCIDENT_FIELD_LABELS,
  responseAt: '回应时间',
  responseMethod: '回应方式',
  responseChannel: '发布渠道',
  responseContent: '回应内容',
  responseUnit: '回应单位',
  responseUrl: '回应链接',
  disposition: '分类处置',
  commitmentContent: '承诺内容',
  commitmentUnit: '承诺责任单位',
  commitmentPerson: '责任人',
  commitmentAt: '承诺时间',
  commitmentDeadline: '承诺时限',
  commitmentProgress: '落实情况',
  commitmentPublication: '公开情况',
  note: '备注',
  ignore: '不导入',
} as const;
export type ImportField = keyof typeof IMPORT_FIELDS;
const importField = z.enum(Object.keys(IMPORT_FIELDS) as [ImportField, ...ImportField[]], { error: '未知的导入字段' });

/**
 * How a file's columns and unmatched names map: columns by the header people see (`回应情况/回应时间` for a
 * grouped header), units and townships by the word in the file → an existing name, or `{add: kind}` to create it.
 */
export const importMappingSchema = z.strictObject({
  columns: z.record(text().max(200), importField).default({}),
  units: z
    .record(
      text().max(200),
      z.union([text().trim().min(1).max(100), z.strictObject({ add: codedRef('unitKind').default('department') })], {
        error: '单位映射应为已有单位的名称，或 {"add": "单位类型"} 表示新增',
      }),
    )
    .default({}),
  townships: z
    .record(text().max(200), z.union([text().trim().min(1).max(100), z.strictObject({ add: z.literal(true) })], { error: '乡镇映射应为已有乡镇（街道）的名称，或 {"add": true} 表示新增' }))
    .default({}),
});
export type ImportMapping = z.output<typeof importMappingSchema>;
export type ImportMappingInput = z.input<typeof importMappingSchema>;

export const importInputSchema = z.strictObject({
  path: filePath('open'),
  /** The sheet to read; by default the one whose header is recognised best. */
  sheet: text().trim().max(100).optional(),
  mapping: importMappingSchema.optional(),
  /** Import every valid row and list the invalid ones, instead of importing nothing when a row is invalid. */
  skipInvalid: z.boolean().default(false),
  /** Read, check and report, writing nothing. */
  dryRun: z.boolean().default(false),
});
export type ImportInput = z.input<typeof importInputSchema>;

/** A problem with one row: the Excel row number and the column header as the person sees them in Excel. */
export const rowProblemSchema = z.object({ row: z.number().int(), column: text(), message: text() });
export type RowProblem = z.infer<typeof rowProblemSchema>;

export const importReportSchema = z.object({
  rows: z.number().int(),
  imported: z.number().int(),
  duplicates: z.number().int(),
  skipped: z.number().int(),
  errors: z.array(rowProblemSchema),
  warnings: z.array(rowProblemSchema),
});
export type ImportReport = z.infer<typeof importReportSchema>;

export const importColumnSchema = z.object({
  /** 0-based column index. */
  index: z.number().int(),
  /** Excel's letter for it (A, B, … AA). */
  letter: text(),
  /** The header as people see it: `标题`, or `回应情况/回应时间` under a grouped header. */
  header: text(),
  field: importField,
  /** The mapping came from the table of names offices use (false: from a remembered or given mapping). */
  suggested: z.boolean(),
});

/** A name in the file that matches no unit or township of the ledger: shown once, however many rows use it. */
export const unmatchedNameSchema = z.object({
  kind: z.enum(['units', 'townships']),
  value: text(),
  rows: z.number().int(),
  /** The ledger's closest names, for the person to pick from. */
  suggestions: z.array(text()),
});

export const previewRecordSchema = z.object({
  row: z.number().int(),
  title: text(),
  foundAt: text().nullable(),
  platform: text(),
  categories: z.array(text()),
  severity: text(),
  leadUnit: text().nullable(),
  responses: z.number().int(),
  commitments: z.number().int(),
  duplicate: z.boolean(),
  valid: z.boolean(),
});

export const importPreviewSchema = importReportSchema.extend({
  fileName: text(),
  sheets: z.array(text()),
  sheet: text(),
  /** 1-based Excel rows of the header (one or two). */
  headerRows: z.array(z.number().int()),
  columns: z.array(importColumnSchema),
  unmatched: z.array(unmatchedNameSchema),
  /** The first rows as they will be stored. */
  preview: z.array(previewRecordSchema),
});
export type ImportPreview = z.infer<typeof importPreviewSchema>;

export const savedMappingSchema = z.object({ name: text(), mapping: importMappingSchema, savedAt: text() });
export type SavedMapping = z.infer<typeof savedMappingSchema>;

/** The ledger view's filters and search (no paging: the export takes every row that matches). */
export const exportQuerySchema = incidentQuerySchema.omit({ offset: true, limit: true });

export const exportResultSchema = z.object({ path: text(), rows: z.number().int() });

export const excelMethods = {
  /** Reads a spreadsheet and reports what importing it would do — columns, unmatched names, row problems — writing nothing. */
  previewImport: { input: importInputSchema, output: importPreviewSchema },
  /** Imports every row (all or nothing, or every valid row with skipInvalid); rows imported before are not added again. */
  importSpreadsheet: { input: importInputSchema, output: importReportSchema },
  listImportMappings: { input: noInput, output: z.array(savedMappingSchema) },
  saveImportMapping: {
    input: z.strictObject({ name: text().trim().min(1, { error: '请填写映射名称' }).max(50, { error: '映射名称不超过50字' }), mapping: importMappingSchema }),
    output: savedMappingSchema,
  },
  /** The 台账 (the ledger view's filters and search) as .xlsx in the office's layout. */
  /** `columns`: the 台账核查 columns (首次回应时间, 按时/超时, 承诺数, 逾期承诺) the view shows; all four when absent. */
  exportLedgerXlsx: {
    input: z.strictObject({ path: filePath('save'), query: exportQuerySchema.default({ sort: 'foundAt', descending: true }), columns: rowFactColumnsSchema }),
    output: exportResultSchema,
  },
  /** The 承诺督办 table: one row per commitment. */
  exportCommitmentsXlsx: { input: z.strictObject({ path: filePath('save'), query: exportQuerySchema.default({ sort: 'foundAt', descending: true }) }), output: exportResultSchema },
  /** The 台账 as an A4 landscape table for printing (HTML the print path prints). */
  renderLedgerTable: {
    input: z.strictObject({ query: exportQuerySchema.default({ sort: 'foundAt', descending: true }), columns: rowFactColumnsSchema }),
    output: z.object({ html: text(), title: text() }),
  },
} as const;
