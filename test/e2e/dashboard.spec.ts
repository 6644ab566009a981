// The dashboard against the fake amoCRM: «Синхронизировать всё» over 300+ leads (progress,
// cancel, a second run that asks only for what changed), the month's motivation equal to
// lib/payroll's figures, the CSV export equal to the screen, plans, and no axe violations.
import { readFileSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { parseCsv } from '../../lib/dashboard/csv';
import type { Client, ClientEvent } from '../../lib/model/facts';
import { computePayroll } from '../../lib/payroll';
import { defaultSettings, mergeSettings } from '../../lib/playbook/settings';
import { installFakes } from '../fakes/route';
import { storyLead } from '../fakes/seed';
import { expect, test } from './fixtures';

type Reply = { ok: boolean; data?: unknown; error?: { code: string; message: string } };

function send<T = unknown>(page: Page, type: string, payload: unknown): Promise<T> {
  return page
    .evaluate(([type, payload]) => chrome.runtime.sendMessage({ reglament: 1, type, payload }), [type, payload] as const)
    .then((r: Reply) => {
      if (!r.ok) throw new Error(`${type}: ${r.error?.code} ${r.error?.message}`);
      return r.data as T;
    });
}

const EXTRA = 310;

async function axe(page: Page) {
  const result = await new AxeBuilder({ page }).analyze();
  expect(result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
}

const digits = (text: string) => Number(text.replace(/[^\d−-]/g, '').replace('−', '-'));

test('team sync of 300+ leads, motivation equal to lib/payroll, CSV equal to the screen, plans, accessible', async ({
  context,
  openExtensionPage,
}) => {
  test.setTimeout(600_000); // a waiting budget for 300+ leads on a busy machine, not a speed assertion
  const fakes = await installFakes(context, { extraLeads: EXTRA });
  const log = fakes.amocrm.requests;
  const page = await openExtensionPage('dashboard.html');
  await page.setViewportSize({ width: 1440, height: 1000 });
  await send(page, 'settings.set', { settings: { amocrm: { subdomain: 'smmpro' } } });
  await send(page, 'token.set', { token: 'long-lived-token-e2e', origin: 'https://smmpro.amocrm.ru' });
  await page.reload();
  await expect(page.getByRole('heading', { name: /Reglament — панель/ })).toBeVisible();
  await expect(page.getByText(/Данных команды пока нет/)).toBeVisible();

  // --- first run: everything, with progress ---
  await page.getByRole('button', { name: /Синхронизировать всё/ }).click();
  await expect(page.getByTestId('sync-progress')).toBeVisible();
  await expect(page.getByRole('progressbar')).toBeVisible();
  await expect(page.getByTestId('sync-result')).toContainText(/Готово: \d+ сдел/, { timeout: 60_000 });
  const totalLeads = fakes.seed.leads.length;
  expect(totalLeads).toBeGreaterThanOrEqual(300);
  await expect(page.getByTestId('sync-result')).toContainText(`Готово: ${totalLeads} сдел`);
  const leadPages = log.filter('/api/v4/leads', 'GET');
  expect(leadPages.length).toBe(Math.ceil(totalLeads / 250));
  expect(leadPages.every((r) => r.search.includes('limit=250') && r.search.includes('filter%5Bpipeline_id%5D='))).toBe(true);
  expect(log.count('/api/v4/events')).toBeGreaterThanOrEqual(Math.ceil(totalLeads / 50));
  expect(log.count('/api/v4/users')).toBe(1);
  expect(log.maxPerWindow('/api/', 1000)).toBeLessThan(7);
  // amoCRM answers an empty list with 204: the team's notes, when nobody has written any yet.
  expect(log.entries.every((e) => e.status === 200 || (e.status === 204 && e.path === '/api/v4/leads/notes'))).toBe(true);
  const managers = new Set(fakes.seed.leads.map((l) => l.responsibleUserId));
  expect(managers.size).toBe(3);
  const list = await send<Array<{ id: string; managerName: string | null }>>(page, 'clients.list', {});
  expect(list.length).toBe(totalLeads);
  expect(new Set(list.map((c) => c.managerName))).toEqual(new Set(fakes.seed.users.map((u) => u.name)));

  // --- a cancelled full run ---
  log.clear();
  await page.getByRole('button', { name: /Прочитать заново полностью/ }).click();
  await expect(page.getByTestId('sync-progress')).toBeVisible();
  await expect.poll(() => log.count('/api/v4/events'), { timeout: 60_000 }).toBeGreaterThanOrEqual(1);
  await page.getByRole('button', { name: 'Отменить' }).click();
  await expect(page.getByTestId('sync-result')).toHaveText('Синхронизация отменена');
  const afterCancel = log.entries.length;
  await page.waitForTimeout(1500);
  expect(log.entries.length).toBeLessThanOrEqual(afterCancel + 1);
  expect((await send<{ phase: string }>(page, 'team.sync.status', {})).phase).toBe('cancelled');

  // --- second run: only what changed since the last completed sync ---
  const moved = storyLead(fakes.seed, 'c');
  fakes.amocrm.moveLead(moved.id, 'launched', { at: Date.now() });
  log.clear();
  await page.getByRole('button', { name: /Синхронизировать всё/ }).click();
  await expect(page.getByTestId('sync-result')).toContainText('Готово: 1 сделка,', { timeout: 30_000 });
  await expect(page.getByTestId('sync-result')).toContainText('только изменения');
  const incremental = log.filter('/api/v4/leads', 'GET');
  expect(incremental.length).toBe(1);
  expect(decodeURIComponent(incremental[0]!.search)).toMatch(/filter\[updated_at\]\[from\]=\d+/);
  const events = log.filter('/api/v4/events');
  expect(events.length).toBe(1);
  expect(decodeURIComponent(events[0]!.search)).toContain(`filter[entity_id][]=${moved.id}`);
  expect(decodeURIComponent(events[0]!.search).match(/filter\[entity_id\]/g)?.length).toBe(1);
  const movedEvents = await send<ClientEvent[]>(page, 'client.events', { clientId: `${fakes.seed.host}:${moved.id}` });
  expect(movedEvents.some((e) => e.type === 'stage' && e.stage === 'launched')).toBe(true);

  // --- the month on screen equals lib/payroll over the same facts ---
  await page.reload();
  const backup = JSON.parse((await send<{ json: string }>(page, 'backup.export', {})).json) as {
    clients: Client[];
    events: ClientEvent[];
    settings: unknown;
  };
  const settings = backup.settings ? mergeSettings(defaultSettings, backup.settings as never) : defaultSettings;
  const month = await page.getByTestId('month').inputValue();
  const byClient = new Map<string, ClientEvent[]>();
  for (const e of backup.events.sort((a, b) => a.at - b.at)) byClient.set(e.clientId, [...(byClient.get(e.clientId) ?? []), e]);
  const expected = computePayroll({
    month,
    settings,
    now: Date.now(),
    clients: backup.clients.map((client) => ({ client, events: byClient.get(client.id) ?? [] })),
  });
  expect(expected.managers.length).toBe(3);
  for (const m of expected.managers) {
    await expect(page.getByTestId(`team-total-${m.managerId}`)).toHaveText(
      new RegExp(`^${m.total.toLocaleString('ru-RU').replace(/\s/g, '\\s')}\\s₸$`),
    );
  }
  const aigerim = expected.managers.find((m) => m.managerName === 'Айгерим Сарсенова')!;
  await page.getByTestId('manager').selectOption(String(aigerim.managerId));
  await expect(page.getByTestId('payroll-total')).toHaveText(
    new RegExp(`^${aigerim.total.toLocaleString('ru-RU').replace(/\s/g, '\\s')}\\s₸$`),
  );
  for (const line of aigerim.lines) expect(digits(await page.getByTestId(`amount-${line.kind}`).innerText())).toBe(line.amount);
  // Expand a line with clients and see them.
  const withClients = aigerim.lines.find((l) => l.clientIds.length > 0 && l.kind !== 'fines');
  if (withClients) {
    const row = page.getByTestId(`line-${withClients.kind}`);
    await row.getByRole('button').click();
    await expect(row.getByRole('button')).toHaveAttribute('aria-expanded', 'true');
    const name = backup.clients.find((c) => c.id === withClients.clientIds[0])!.name;
    await expect(page.getByRole('link', { name, exact: true }).first()).toBeVisible();
  }
  await expect(page.getByRole('img', { name: /Обязательства по неделям/ })).toBeVisible();
  await axe(page);
  await page.screenshot({ path: 'test-results/screenshots/dashboard.png', fullPage: true });

  // --- CSV export matches the screen ---
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: /Экспорт CSV/ }).click(),
  ]);
  const path = await download.path();
  const bytes = readFileSync(path!);
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const rows = parseCsv(bytes.toString('utf8'));
  expect(rows[0]).toEqual(['Месяц', month]);
  const totalRow = rows.find((r) => r[0] === aigerim.managerName && r[1] === 'Итого')!;
  expect(Number(totalRow[3])).toBe(digits(await page.getByTestId('payroll-total').innerText()));
  for (const line of aigerim.lines) {
    const label = {
      base: 'Оклад',
      renewals: 'Продления',
      losses: 'Потерянные клиенты',
      refunds: 'Возвраты в первые 10 дней',
      kept: 'Без возврата после 10 дней',
      fines: 'Штрафы',
      'best-manager': 'Лучший менеджер месяца',
    }[line.kind];
    const r = rows.find((x) => x[0] === aigerim.managerName && x[1] === label)!;
    expect(Number(r[3])).toBe(line.amount);
  }
  expect(download.suggestedFilename()).toMatch(/^reglament-\d{4}-\d{2}-.+\.csv$/);

  // --- the record, filterable ---
  await page.getByRole('tab', { name: 'Журнал' }).click();
  await expect(page.getByRole('heading', { name: 'Журнал обязательств за месяц' })).toBeVisible();
  await page.getByLabel('Итог', { exact: true }).selectOption('missed');
  await expect(page.locator('.record-table tbody tr').first()).toContainText('Пропущено');
  await axe(page);

  // --- plans: deep link, edit, agree (records the tick), plan.today ---
  const d = storyLead(fakes.seed, 'd');
  const clientId = `${fakes.seed.host}:${d.id}`;
  await page.goto(page.url().replace(/#.*$/, '') + `#plans/${clientId}`);
  await page.reload();
  await expect(page.getByRole('tab', { name: 'Контент-планы' })).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByTestId('plans-client')).toHaveValue(clientId);
  const topics = [
    'Знакомство с брендом',
    'Закулисье: как мы готовим',
    'Отзыв клиента',
    'Подборка новинок',
    'Акция выходного дня',
    'Ответы на вопросы',
    'Команда',
    'Полезный совет',
    'Итоги недели',
  ];
  const topicsBoxes = page.getByRole('textbox', { name: /Тема/ });
  await expect(topicsBoxes).toHaveCount(9);
  for (let i = 0; i < 9; i++) await topicsBoxes.nth(i).fill(topics[i]!);
  await page
    .getByRole('combobox', { name: /Формат/ })
    .nth(1)
    .selectOption('carousel');
  await page
    .getByRole('combobox', { name: /Формат/ })
    .nth(3)
    .selectOption('reels');
  await page.getByRole('button', { name: 'Отправлен клиенту' }).click();
  await expect(page.getByRole('tab', { name: /План 1/ })).toContainText('Отправлен клиенту');
  await page.getByRole('button', { name: /Согласован/ }).click();
  await expect(page.getByRole('tab', { name: /План 1/ })).toContainText('Согласован');
  const after = await send<ClientEvent[]>(page, 'client.events', { clientId });
  expect(after.some((e) => e.type === 'tick' && e.item === 'plan-1-agreed')).toBe(true);
  // Plan 2 in drafting with a few topics.
  await page.getByRole('tab', { name: /План 2/ }).click();
  await page.getByRole('textbox', { name: /Тема/ }).nth(0).fill('Новая коллекция');
  await page.getByRole('button', { name: 'Сохранить' }).click();
  await expect(page.getByRole('tab', { name: /План 2/ })).toContainText('Черновик');
  // The tab reads «Черновик» before the save is answered: wait for the stored plans.
  const storedPlans = async () =>
    (await send<Array<{ planNo: number; state: string }>>(page, 'plans.list', { clientId })).map((p) => [p.planNo, p.state]);
  await expect.poll(storedPlans).toEqual([
    [1, 'agreed'],
    [2, 'drafting'],
  ]);
  const today = await send<{ plan: { planNo: number }; day: { topic: string } | null; editUrl: string } | null>(
    page,
    'plan.today',
    { clientId },
  );
  expect(today?.editUrl).toMatch(new RegExp(`/dashboard\\.html#plans/${clientId.replace(/[.]/g, '\\.')}$`));
  if (today?.day) expect(typeof today.day.topic).toBe('string');
  await page.reload();
  await expect(page.locator('.cal tbody tr').first()).toBeVisible();
  await axe(page);
  await page.getByRole('tab', { name: /План 1/ }).click();
  await page.screenshot({ path: 'test-results/screenshots/dashboard-plans.png', fullPage: true });
});
