// Migration 7: indexes for reports on commitments. A report needs the commitments still open plus those fulfilled,
// published or made since the period began; each of those is a narrow index range, so a weekly digest no longer
// reads every commitment the ledger has ever held.

export const migration = {
  version: 7,
  name: 'commitment-indexes',
  sql: `
CREATE INDEX commitments_open ON commitments(deadline) WHERE deleted = 0 AND status IN ('pending', 'in_progress');
CREATE INDEX commitments_fulfilled_at ON commitments(fulfilled_at) WHERE deleted = 0;
CREATE INDEX commitments_pub_at ON commitments(pub_at) WHERE deleted = 0;
CREATE INDEX commitments_promised_at ON commitments(promised_at) WHERE deleted = 0;
`,
};
