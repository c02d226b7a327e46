import { useState } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client';
import { Dialog } from '../ui/Dialog';
import type { ImportReport } from './types';

/** A refused row is "skipped" when it duplicates a lead (in the file or the broker), an error otherwise. */
export function isSkipped(reason: string): boolean {
  return /duplicate|already exists|duplicad|ya existe/i.test(reason);
}

/** `POST /api/v1/leads/import` (multipart, field `file`) and the row report it answers. */
export function ImportDialog({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation('leads');
  const queryClient = useQueryClient();
  const [file, setFile] = useState<File | null>(null);
  const upload = useMutation({
    mutationFn: (csv: File) => {
      const form = new FormData();
      form.append('file', csv, csv.name);
      return api<ImportReport>('/api/v1/leads/import', { method: 'POST', body: form });
    },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['leads', 'list'] }),
  });

  const report = upload.data;
  return (
    <Dialog title={t('import.title')} closeButton onClose={onClose} wide>
      {!report ? (
        <form
          className="grid"
          onSubmit={(e) => {
            e.preventDefault();
            if (file) upload.mutate(file);
          }}
        >
          <p className="muted">{t('import.help')}</p>
          <label>
            {t('import.file')}
            <input
              type="file"
              accept=".csv,text/csv,text/plain"
              onChange={(e) => {
                setFile(e.target.files?.[0] ?? null);
                upload.reset();
              }}
            />
          </label>
          {upload.error && (
            <p className="form-error" role="alert">
              {upload.error.message}
            </p>
          )}
          <div className="dialog-actions">
            <button type="submit" className="btn primary" disabled={!file || upload.isPending}>
              {upload.isPending ? t('import.importing') : t('import.submit')}
            </button>
          </div>
        </form>
      ) : (
        <ImportReportView
          report={report}
          onAnother={() => {
            setFile(null);
            upload.reset();
          }}
        />
      )}
    </Dialog>
  );
}

export function ImportReportView({ report, onAnother }: { report: ImportReport; onAnother?: () => void }) {
  const { t } = useTranslation('leads');
  const skipped = report.rejected.filter((r) => isSkipped(r.reason));
  const errors = report.rejected.filter((r) => !isSkipped(r.reason));
  return (
    <section aria-label={t('import.report')} data-testid="import-report" className="grid">
      <div className="import-counts" role="status">
        <div className="kpi">
          <span className="muted">{t('import.created')}</span>
          <span className="value" data-testid="import-created">
            {report.accepted}
          </span>
        </div>
        <div className="kpi">
          <span className="muted">{t('import.skipped')}</span>
          <span className="value" data-testid="import-skipped">
            {skipped.length}
          </span>
        </div>
        <div className="kpi">
          <span className="muted">{t('import.errors')}</span>
          <span className="value" data-testid="import-errors">
            {errors.length}
          </span>
        </div>
      </div>
      {report.rejected.length > 0 && (
        <div className="table-wrap import-rows">
          <table className="data">
            <thead>
              <tr>
                <th scope="col">{t('import.row')}</th>
                <th scope="col">{t('import.kind')}</th>
                <th scope="col">{t('import.reason')}</th>
              </tr>
            </thead>
            <tbody>
              {[...report.rejected]
                .sort((a, b) => a.row - b.row)
                .map((r) => (
                  <tr key={`${r.row}-${r.reason}`} data-testid="import-row">
                    <td>{r.row}</td>
                    <td>
                      <span className={`badge ${isSkipped(r.reason) ? '' : 'flag-attention'}`}>
                        {isSkipped(r.reason) ? t('import.kindSkipped') : t('import.kindError')}
                      </span>
                    </td>
                    <td>{r.reason}</td>
                  </tr>
                ))}
            </tbody>
          </table>
        </div>
      )}
      {onAnother && (
        <div className="dialog-actions">
          <button type="button" className="btn" onClick={onAnother}>
            {t('import.another')}
          </button>
        </div>
      )}
    </section>
  );
}
