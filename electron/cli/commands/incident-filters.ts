import { splitWrittenList } from '../../../shared/input/coded-values.js';
import type { OptionSpec, OptionValues } from '../command.js';

// The ledger view's filters as yq takes them: one spelling for every command that selects incidents
// (`incident list`, `export xlsx`), so a filter given to one means the same to the other.

export const INCIDENT_FILTER_OPTIONS: Record<string, OptionSpec> = {
  category: { type: 'string', multiple: true },
  status: { type: 'string', multiple: true },
  severity: { type: 'string', multiple: true },
  platform: { type: 'string', multiple: true },
  unit: { type: 'string' },
  township: { type: 'string' },
  from: { type: 'string' },
  to: { type: 'string' },
  text: { type: 'string' },
};

/** Several values as the UI allows: repeated (--status 待研判 --status 处置中) or listed (--status 待研判,处置中). */
const listOption = (value: string | boolean | string[]): string[] =>
  (Array.isArray(value) ? value : typeof value === 'string' ? [value] : []).flatMap(splitWrittenList);

/** The filters given, as the ledger view's query. */
export function incidentFilterQuery(values: OptionValues): Record<string, unknown> {
  return {
    ...(values.category ? { categories: listOption(values.category) } : {}),
    ...(values.status ? { statuses: listOption(values.status) } : {}),
    ...(values.severity ? { severities: listOption(values.severity) } : {}),
    ...(values.platform ? { platforms: listOption(values.platform) } : {}),
    ...(values.unit ? { leadUnit: values.unit } : {}),
    ...(values.township ? { township: values.township } : {}),
    ...(values.from ? { foundFrom: values.from } : {}),
    ...(values.to ? { foundTo: values.to } : {}),
    ...(values.text ? { text: values.text } : {}),
  };
}
