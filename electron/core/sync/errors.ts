import { LedgerError } from '../../../shared/errors.js';

// Why a bundle was refused, in words a press officer can act on. Every refusal happens before the database is
// touched, or inside the one import transaction that it rolls back.

export type BundleProblem =
  | 'too-large' // over the size limit, refused before reading
  | 'encryption' // not age, not for us, wrong passphrase, or altered ciphertext
  | 'format' // not a bundle, or a malformed one
  | 'version' // a newer format or schema than this program
  | 'signature' // manifest signature does not verify
  | 'untrusted' // sender unknown or not trusted
  | 'payload' // payload does not match its manifest or cannot be decompressed
  | 'operation' // an operation fails validation
  | 'confirm'; // would delete more than half of the ledger

export class BundleError extends LedgerError {
  constructor(
    readonly problem: BundleProblem,
    message: string,
  ) {
    super(problem === 'untrusted' ? 'forbidden' : problem === 'confirm' ? 'conflict' : 'invalid_input', message);
  }
}
