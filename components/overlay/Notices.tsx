import type { OverlayData } from '@/lib/amocrm/session';
import type { OverlayEnv } from './context';

export function Notices({ env, data }: { env: OverlayEnv; data: OverlayData }) {
  const { t } = env;
  const mapped = data.mapped;
  const mapping: string[] = [];
  if (mapped?.unknownStage) mapping.push(t('unknownStage', { stage: mapped.unknownStage }));
  for (const f of mapped?.missingFields ?? []) mapping.push(t('missingField', { field: f }));
  for (const v of mapped?.unknownValues ?? []) mapping.push(t('unknownValue', { field: v.field, value: v.value }));
  // The worker's own unknown-stage / missing-field warnings repeat what the mapping says.
  const warnings = (data.view?.warnings ?? []).filter(
    (w) => !(mapping.length && (w.code === 'unknown-stage' || w.code === 'missing-field')),
  );
  return (
    <>
      {data.error && (
        <div class="rg-note rg-note--error" role="alert" data-notice="error">
          {t('error', { message: data.error })}{' '}
          <button type="button" class="rg-link" onClick={() => env.session.retry()}>
            {t('retry')}
          </button>
        </div>
      )}
      {data.fallback &&
        (data.layout ? (
          <div class="rg-note rg-note--error" role="alert" data-notice="layout" data-missing={data.layout.join(' ')}>
            {t('layout', { reason: t(`reason.${data.fallback}`), missing: data.layout.map((p) => t(`part.${p}`)).join(', ') })}
          </div>
        ) : (
          <div
            class="rg-note rg-note--page"
            role="status"
            data-notice="page-mode"
            data-reason={data.fallback}
            data-lacks={data.lacks.join(' ')}
          >
            {t('pageMode', { reason: t(`reason.${data.fallback}`), missing: data.lacks.map((l) => t(`lack.${l}`)).join(', ') })}
          </div>
        ))}
      {mapping.length > 0 && (
        <div class="rg-note rg-note--map" data-notice="mapping">
          {mapping.map((m) => (
            <div key={m}>{m}</div>
          ))}
          <a
            class="rg-link"
            href="#amocrm"
            onClick={(e) => {
              e.preventDefault();
              env.openOptions('amocrm');
            }}
          >
            {t('mapIt')} →
          </a>
        </div>
      )}
      {warnings.map((w) => (
        <div key={w.code + w.message} class="rg-note rg-note--warn" data-warning={w.code}>
          {w.message}
        </div>
      ))}
    </>
  );
}
