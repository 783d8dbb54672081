// Guard triggers: a ledger table changes only while the core applies operations (`yq_guard()` answers 1 only
// then; a connection that lacks the function — the sqlite3 shell, another tool — cannot write at all).
export function guardTriggersFor(tables: readonly string[]): string {
  return tables
    .flatMap((table) =>
      (['INSERT', 'UPDATE', 'DELETE'] as const).map(
        (event) => `CREATE TRIGGER guard_${table}_${event.toLowerCase()} BEFORE ${event} ON ${table}
  WHEN yq_guard() IS NOT 1
  BEGIN SELECT RAISE(ABORT, 'ledger tables change only through the core mutation path, which writes sync operations and an audit entry in the same transaction'); END;`,
      ),
    )
    .join('\n');
}
