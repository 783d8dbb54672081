import { describe, expect, it } from 'vitest';
import { IMPORT_FIELDS } from '../../shared/api/excel.js';
import { INCIDENT_FIELD_LABELS } from '../../shared/field-labels.js';
import { incidentInputSchema, incidentSchema } from '../../shared/schemas.js';

// The incident's field names are written once (shared/field-labels.ts) and the Excel import's columns take them
// from there: a field renamed in the contract, or a column name mistyped in the map, fails here.

describe('incident field labels', () => {
  it('label every field by its ledger column, for fields the incident really has', () => {
    // Written as a new incident's input names them, or (number, status) as the stored incident does.
    const fields = [...Object.keys(incidentInputSchema.shape), ...Object.keys(incidentSchema.shape)];
    for (const [field, label] of Object.entries(INCIDENT_FIELD_LABELS)) {
      expect(fields, field).toContain(field);
      // A column missing from COLUMN_LABELS would fall back to the English name.
      expect(label, field).toMatch(/^[\p{Script=Han}0-9]+$/u);
    }
    expect(INCIDENT_FIELD_LABELS).toMatchObject({ firstSeenAt: '首发时间', leadUnit: '牵头单位', coUnits: '配合单位', keyType61: '61号重点回应类型', status: '处置状态' });
  });

  it('are the Excel import’s incident columns', () => {
    for (const [field, label] of Object.entries(INCIDENT_FIELD_LABELS)) expect(IMPORT_FIELDS[field as keyof typeof IMPORT_FIELDS], field).toBe(label);
  });
});
