import { useEffect } from 'react';
import { type BackupOverview, backupMethods } from '../../../shared/api/backup.js';
import { FormField } from '../forms/FormField.js';
import { useLedgerForm } from '../forms/useLedgerForm.js';
import { t } from '../i18n/zh-CN.js';
import { call } from '../bridge.js';

const b = t.backup;
const KEEP = ['daily', 'weekly', 'monthly'] as const;

interface Values {
  secondDir: string;
  daily: string;
  weekly: string;
  monthly: string;
}

// setBackupSettings' own input schema judges the form in the window before anything is sent.
const settingsSchema = backupMethods.setBackupSettings.input;

const valuesOf = (overview: BackupOverview): Values => ({
  secondDir: overview.secondDir ?? '',
  daily: String(overview.policy.daily),
  weekly: String(overview.policy.weekly),
  monthly: String(overview.policy.monthly),
});

/** A count as typed: a number when it reads as one, NaN otherwise, for the schema to refuse in its words. */
const count = (typed: string) => (/^\s*\d+(?:\.\d+)?\s*$/.test(typed) ? Number(typed) : Number.NaN);

/** 第二备份文件夹 and how many backups are kept: on the one form layer, each message beside its field. */
export function BackupSettingsForm({ overview, onSaved }: { overview: BackupOverview; onSaved: () => Promise<void> }) {
  const lf = useLedgerForm({
    defaultValues: valuesOf(overview),
    contract: {
      draft: (v: Values) => ({
        secondDir: v.secondDir.trim() === '' ? null : v.secondDir.trim(),
        policy: { daily: count(v.daily), weekly: count(v.weekly), monthly: count(v.monthly) },
      }),
      schema: settingsSchema,
    },
    ids: { prefix: 'bk', testPrefix: 'backup' },
    aliases: { 'policy.daily': 'daily', 'policy.weekly': 'weekly', 'policy.monthly': 'monthly' },
  });
  const { reset } = lf.form;
  // A fresh overview (after a save, a restore or a backup) is what the form shows.
  useEffect(() => reset(valuesOf(overview)), [overview, reset]);

  const submit = lf.onSubmit(async (request) => {
    const result = await call('setBackupSettings', request);
    if (!result.ok) return lf.refuse(result.error);
    await onSaved();
  });

  return (
    <form className="backup-settings" noValidate onSubmit={(e) => void submit(e)}>
      {lf.banner()}
      <FormField of={lf} name="secondDir" label={b.secondDir} hint={b.secondDirHint}>
        <input {...lf.input('secondDir', { hint: b.secondDirHint })} data-testid="backup-second-dir" />
      </FormField>
      <fieldset className="backup-keep">
        <legend>{b.keep}</legend>
        {KEEP.map((k) => (
          <FormField key={k} of={lf} name={k} label={b[k]} required={k === 'daily'}>
            <input inputMode="numeric" size={4} {...lf.input(k, { required: k === 'daily' })} />
          </FormField>
        ))}
      </fieldset>
      <button type="submit" className="button" disabled={lf.busy}>
        {b.save}
      </button>
    </form>
  );
}
