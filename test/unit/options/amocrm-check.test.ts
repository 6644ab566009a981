import { describe, expect, it } from 'vitest';
import { defaultSettings } from '@/lib/playbook/settings';
import { checkMapping, parseLiveAccount, pickPipeline, subdomainOfUrl } from '@/lib/options/amocrm-check';

const pipelines = {
  _embedded: {
    pipelines: [
      { id: 1, name: 'Продажи', is_main: false, _embedded: { statuses: [{ name: 'Новый' }] } },
      {
        id: 2,
        name: 'Клиенты SMM',
        is_main: true,
        _embedded: {
          statuses: [
            'Неразобранное',
            'Связались с клиентом',
            'Получена анкета',
            'Проект запущен',
            'Отправлено уведомление',
            'Клиент потерян',
          ].map((name) => ({ name })),
        },
      },
    ],
  },
};
const fields = {
  _embedded: {
    custom_fields: [
      { name: 'Услуга', enums: [{ value: 'Ведение аккаунта' }, { value: 'Комплексное продвижение' }] },
      { name: 'Тип клиента', enums: [{ value: 'Физ. лицо' }, { value: 'Юр. лицо' }] },
      { name: 'Дата начала обслуживания', enums: null },
      { name: 'Логин/пароль от аккаунта Instagram', enums: null },
      { name: 'Instagram', enums: null },
    ],
  },
};

describe('checking the amoCRM names against the live account', () => {
  const account = parseLiveAccount(pipelines, fields);

  it('reads pipelines, statuses and fields from API v4 JSON', () => {
    expect(account.pipelines.map((p) => p.name)).toEqual(['Продажи', 'Клиенты SMM']);
    expect(pickPipeline(account, '')!.name).toBe('Клиенты SMM');
    expect(pickPipeline(account, 'Продажи')!.id).toBe(1);
    expect(account.fields.find((f) => f.name === 'Услуга')!.enums).toHaveLength(2);
  });

  it('the defaults all match the agency account', () => {
    expect(checkMapping(defaultSettings.amocrm, account).filter((c) => !c.ok)).toEqual([]);
  });

  it('flags an unmatched stage name and suggests the near one', () => {
    const mapping = {
      ...defaultSettings.amocrm,
      stageNames: { ...defaultSettings.amocrm.stageNames, contacted: 'связались  с клиентом' },
      fieldNames: { ...defaultSettings.amocrm.fieldNames, payer: 'Плательщик' },
    };
    const bad = checkMapping(mapping, account).filter((c) => !c.ok);
    expect(bad).toEqual([
      { path: 'amocrm.stageNames.contacted', ok: false, suggestions: ['Связались с клиентом'] },
      { path: 'amocrm.fieldNames.payer', ok: false, suggestions: [] },
      // the payer values cannot be found when the payer field itself is not found
      { path: 'amocrm.payerValues.individual', ok: false, suggestions: [] },
      { path: 'amocrm.payerValues.legal', ok: false, suggestions: [] },
    ]);
  });

  it('checks stages in the named pipeline', () => {
    const bad = checkMapping({ ...defaultSettings.amocrm, pipelineName: 'Продажи' }, account).filter((c) => !c.ok);
    expect(bad.map((c) => c.path)).toContain('amocrm.stageNames.launched');
    expect(bad.map((c) => c.path)).not.toContain('amocrm.pipelineName');
  });

  it('tolerates empty or odd JSON', () => {
    expect(parseLiveAccount(null, 'x')).toEqual({ pipelines: [], fields: [] });
  });

  it('finds the subdomain of an open amoCRM tab', () => {
    expect(subdomainOfUrl('https://smmpro.amocrm.ru/leads/detail/1001')).toBe('smmpro');
    expect(subdomainOfUrl('https://www.instagram.com/x/')).toBeNull();
    expect(subdomainOfUrl(undefined)).toBeNull();
  });
});
