import { screen, within } from '@testing-library/react';
import type { userEvent } from '@testing-library/user-event';

type User = ReturnType<typeof userEvent.setup>;

/** The 台账's filter group. */
export const ledgerFilters = () => screen.getByRole('group', { name: '筛选' });

/** Opens a filter that takes several values, ticks or unticks each label given, and closes it (Escape). */
export async function toggleFilterValues(user: User, label: string, values: readonly string[]): Promise<void> {
  await user.click(within(ledgerFilters()).getByLabelText(label));
  const options = within(ledgerFilters()).getByRole('group', { name: `按${label}筛选（可多选）` });
  for (const value of values) await user.click(within(options).getByLabelText(value));
  await user.keyboard('{Escape}');
}

/** What a filter's button says is chosen (全部, 重大、特别重大, 待研判等4项 …). */
export const filterSummary = (label: string) => within(ledgerFilters()).getByLabelText(label).textContent?.replace('▾', '') ?? '';
