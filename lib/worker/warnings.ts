// The overlay's warnings about a client, derived from the facts and the obligations.
import type { Client, ClientEvent, Stage } from '../model/facts';
import type { Obligation } from '../model/obligations';
import type { ClientWarning, Period } from '../messaging/protocol';
import type { Locale } from '../i18n/locale';
import type { Settings } from '../playbook/settings';
import { stageOfName } from '../amocrm/mapping';
import { workerText } from '../alarms/strings';
import { languageOf, shownSettings } from '../playbook/localize';

const stagesAfterQuestionnaire: Stage[] = ['questionnaire', 'launched', 'notice-sent'];

export function warningsOf(
  client: Client,
  events: ClientEvent[],
  obligations: Obligation[],
  period: Period | null,
  stage: Stage | null,
  settings: Settings,
  locale: Locale = languageOf(settings),
): ClientWarning[] {
  const t = workerText(locale);
  const names = shownSettings(settings, locale).amocrm;
  const out: ClientWarning[] = [];
  const add = (code: ClientWarning['code'], message: string) => out.push({ code, message });

  if (stage === 'launched') {
    if (!events.some((e) => e.type === 'start-date'))
      add('launched-without-start-date', t('warn.launched-without-start-date', { field: names.fieldNames.startDate }));
    if (!client.credentialsFilled)
      add('launched-without-credentials', t('warn.launched-without-credentials', { field: names.fieldNames.credentials }));
  }

  // Renewal call ticked (management) after E − N days but no call recording after that moment.
  const renewal = obligations.filter((o) => o.rule === 'renewal-contact').sort((a, b) => b.startAt - a.startAt)[0];
  if (renewal && client.service !== 'complex') {
    const callTicked =
      renewal.items?.some((i) => i.done && !i.info && /call|звон/i.test(`${i.id} ${i.title}`)) ??
      events.some((e) => e.type === 'tick' && e.at >= renewal.startAt && /call/i.test(e.item));
    const recorded = events.some((e) => e.type === 'call-recording' && e.at >= renewal.startAt);
    if (callTicked && !recorded) add('renewal-call-without-recording', t('warn.renewal-call-without-recording'));
  }

  const lost = obligations.filter((o) => o.rule === 'lost-deadline' && o.state === 'overdue');
  if (lost.length > 0 && stage !== 'lost')
    add(
      'unpaid-past-deadline',
      t('warn.unpaid-past-deadline', { days: settings.currentClients.lostAfterDays, stage: names.stageNames.lost }),
    );

  // Compared as the deal mapping compares (lib/amocrm/mapping.ts), so both call the same names unknown.
  if (client.stageName && !stageOfName(client.stageName, settings.amocrm))
    add('unknown-stage', t('warn.unknown-stage', { stage: client.stageName }));

  if (stage && stagesAfterQuestionnaire.includes(stage)) {
    if (client.service === null)
      add('missing-field', t('warn.missing-field', { field: names.fieldNames.service || t('field.service') }));
    if (client.payer === null)
      add('missing-field', t('warn.missing-field', { field: names.fieldNames.payer || t('field.payer') }));
  }
  void period;
  return out;
}
