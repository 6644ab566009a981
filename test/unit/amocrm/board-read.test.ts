// The board reader and every board selector, against saved real markup (amoCRM's own templates,
// test/fixtures/amocrm/board-*.html) and against the fake board and list view.
import { readFileSync } from 'node:fs';
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { readBoard } from '@/lib/amocrm/board/read';
import { B, type BoardSelector } from '@/lib/amocrm/board/selectors';
import { boardPageOf } from '@/lib/amocrm/board/url';
import { renderBoardHtml } from '../../fakes/amocrm/index';
import { createSeed, STATUS, storyLead } from '../../fakes/seed';

const NOW = Date.UTC(2026, 2, 11, 9, 0);
const fixture = (name: string) =>
  parseHTML(`<!DOCTYPE html><html><body>${readFileSync(`test/fixtures/amocrm/${name}`, 'utf8')}</body></html>`).document;
const realBoard = fixture('board-pipeline.html');
const realList = fixture('board-list.html');
const seed = createSeed(NOW);
const fakeBoard = parseHTML(renderBoardHtml(seed)).document;
const fakeList = parseHTML(renderBoardHtml(seed, NOW, 'list')).document;

const BOARD_ONLY: BoardSelector[] = ['column', 'columnHead', 'columnTitle', 'columnInfo', 'itemsList', 'card', 'cardTitle'];
const LIST_ONLY: BoardSelector[] = ['listRow', 'listName', 'listHead'];

describe('board selectors', () => {
  for (const name of BOARD_ONLY) {
    it(`${name} matches the real board markup and the fake board`, () => {
      expect(realBoard.querySelectorAll(B[name]).length).toBeGreaterThan(0);
      expect(fakeBoard.querySelectorAll(B[name]).length).toBeGreaterThan(0);
    });
  }
  for (const name of LIST_ONLY) {
    it(`${name} matches the real list markup and the fake list view`, () => {
      expect(realList.querySelectorAll(B[name]).length).toBeGreaterThan(0);
      expect(fakeList.querySelectorAll(B[name]).length).toBeGreaterThan(0);
    });
  }
  it('every selector is checked', () => {
    expect([...BOARD_ONLY, ...LIST_ONLY].sort()).toEqual((Object.keys(B) as BoardSelector[]).sort());
  });
});

describe('readBoard', () => {
  it('reads the real board: columns by status id and name, cards in their column', () => {
    const read = readBoard(realBoard);
    expect(read.kind).toBe('pipeline');
    expect(read.columns.map((c) => [c.statusId, c.name])).toEqual([
      [58209734, 'Первичный контакт'],
      [58209737, 'Переговоры'],
    ]);
    expect(read.cards.map((c) => [c.leadId, c.statusId])).toEqual([
      [31000101, 58209734],
      [31000102, 58209734],
      [31000103, 58209737],
    ]);
    // The chip goes after the title block, the overdue summary after the head's info line.
    expect(read.cards[0].anchor.className).toBe('pipeline_leads__lead-title');
    expect(read.cards[0].place).toBe('after');
    expect(read.columns[0].head.className).toContain('pipeline_status__head_info');
  });

  it('reads the real list: its head row takes Reglament’s column, each deal row a cell of it', () => {
    const read = readBoard(realList);
    expect(read.kind).toBe('list');
    expect(read.listHead?.id).toBe('list_head');
    expect(read.cards.map((c) => c.leadId)).toEqual([31000101, 31000102]);
    expect(read.cards.every((c) => c.place === 'cell' && c.anchor === c.el && c.el.id === `list_item_${c.leadId}`)).toBe(true);
  });

  it('a list without a head row puts the chip into the name cell instead', () => {
    const doc = fixture('board-list.html');
    doc.querySelector(B.listHead)!.remove();
    const read = readBoard(doc);
    expect(read.listHead).toBeNull();
    expect(read.cards.every((c) => c.place === 'inside' && c.anchor.classList.contains('list-row__cell-name'))).toBe(true);
  });

  it('the fake list view has the real head row', () => {
    const read = readBoard(fakeList);
    expect(read.listHead?.querySelector('.cell-head__title')?.textContent).toBe('Название');
    expect(read.cards.length).toBeGreaterThan(0);
    expect(read.cards.every((c) => c.place === 'cell')).toBe(true);
  });

  it('reads the fake board: every open deal of the first pack in its stage column', () => {
    const read = readBoard(fakeBoard);
    expect(read.columns.map((c) => c.statusId)).toEqual([
      STATUS.unsorted,
      STATUS.newClient,
      STATUS.contacted,
      STATUS.questionnaire,
      STATUS.launched,
      STATUS.noticeSent,
    ]);
    const coffee = storyLead(seed, 'a');
    expect(read.cards.find((c) => c.leadId === coffee.id)?.statusId).toBe(coffee.statusId);
    const open = seed.leads.filter((l) => l.statusId !== STATUS.won && l.statusId !== STATUS.lost);
    expect(read.cards.map((c) => c.leadId).sort()).toEqual(open.map((l) => l.id).sort());
  });

  it('reads the fake list view: every open deal', () => {
    const open = seed.leads.filter((l) => l.statusId !== STATUS.won && l.statusId !== STATUS.lost);
    expect(
      readBoard(fakeList)
        .cards.map((c) => c.leadId)
        .sort(),
    ).toEqual(open.map((l) => l.id).sort());
  });

  it('a drag helper outside the columns is no card; a changed layout reads as nothing', () => {
    const doc = fixture('board-pipeline.html');
    const helper = doc.querySelector(B.card)!.cloneNode(true) as Element;
    doc.body.append(helper);
    expect(readBoard(doc).cards.length).toBe(3);
    const changed = parseHTML(
      '<div class="kanban"><div class="lane" data-status="1"><div class="deal-card" data-id="5">Кофейня</div></div></div>',
    ).document;
    expect(readBoard(changed)).toEqual({ kind: 'list', columns: [], cards: [], listHead: null });
  });
});

describe('board URLs', () => {
  it('pipeline boards and list views, nothing else', () => {
    expect(boardPageOf('https://smmpro.amocrm.ru/leads/pipeline/7310001/')).toEqual({ kind: 'pipeline', pipelineId: 7310001 });
    expect(boardPageOf('https://smmpro.amocrm.ru/leads/pipeline/')).toEqual({ kind: 'pipeline', pipelineId: null });
    expect(boardPageOf('https://smmpro.amocrm.ru/leads/')).toEqual({ kind: 'pipeline', pipelineId: null });
    expect(boardPageOf('https://smmpro.amocrm.ru/leads/list/?filter=1')).toEqual({ kind: 'list', pipelineId: null });
    expect(boardPageOf('https://smmpro.kommo.com/leads/list/pipeline/12/')).toEqual({ kind: 'list', pipelineId: 12 });
    expect(boardPageOf('https://smmpro.amocrm.ru/leads/detail/1001')).toBeNull();
    expect(boardPageOf('https://smmpro.amocrm.ru/contacts/list/')).toBeNull();
    expect(boardPageOf('not a url')).toBeNull();
  });
});
