import { type ChangeEvent, useState } from 'react';
import { formatSize, type PickedFile, readFiles } from '../common/files.js';
import { t } from '../i18n/zh-CN.js';

/** Files chosen in the 登记 form; they are stored with the incident once it is registered. */
export function AttachmentPicker({ files, onChange }: { files: readonly PickedFile[]; onChange: (files: PickedFile[]) => void }) {
  const [problems, setProblems] = useState<string[]>([]);
  const onPick = async (event: ChangeEvent<HTMLInputElement>) => {
    const input = event.currentTarget;
    const chosen = [...(input.files ?? [])];
    input.value = '';
    const { picked, problems: failed } = await readFiles(chosen);
    setProblems(failed);
    onChange([...files, ...picked]);
  };
  return (
    <div className="attachment-picker">
      <label className="button button-small">
        {t.attachments.add}
        <input type="file" multiple className="visually-hidden" data-testid="register-attachments" onChange={(e) => void onPick(e)} />
      </label>
      <span className="field-hint">{t.attachments.pickHint}</span>
      {files.length > 0 && (
        <ul className="picked-files">
          {files.map((file, i) => (
            <li key={`${file.name}-${i}`} className="picked-file" data-testid="picked-file">
              <span>{file.name}</span>
              <span className="muted">{formatSize(file.size)}</span>
              <button
                type="button"
                className="keyword-remove"
                aria-label={t.attachments.remove(file.name)}
                onClick={() => onChange(files.filter((_, j) => j !== i))}
              >
                ×
              </button>
            </li>
          ))}
        </ul>
      )}
      {problems.length > 0 && <p className="field-error">{problems.join('；')}</p>}
    </div>
  );
}
