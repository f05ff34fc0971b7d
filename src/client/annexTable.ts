/**
 * The annex table's behaviour: choose a county row (click, Enter, Space), sort by a column
 * (header buttons, aria-sort; numbers first, the non-numeric cells last whichever the
 * direction), and mark the chosen county and the mapped column.
 */
import { CITY } from '../domain/divisions';

/** `choose(adcode, toggle)`: toggle is true for a click (a second click on the chosen row clears it). */
export function wireAnnexTable(table: HTMLTableElement, choose: (adcode: string, toggle: boolean) => void): void {
  table.addEventListener('click', (e) => {
    const target = e.target as HTMLElement;
    if (target.closest('a')) return;
    const sortBtn = target.closest('thead button');
    if (sortBtn) return sortBy(table, sortBtn.closest('th')!);
    const tr = target.closest<HTMLTableRowElement>('tbody tr[data-adcode]');
    if (tr && tr.dataset.adcode !== CITY.adcode) choose(tr.dataset.adcode!, true);
  });
  table.addEventListener('keydown', (e) => {
    const tr = (e.target as HTMLElement).closest<HTMLTableRowElement>('tbody tr[data-adcode]');
    if (tr && (e.key === 'Enter' || e.key === ' ') && e.target === tr) {
      e.preventDefault();
      choose(tr.dataset.adcode!, false);
    }
  });
}

/** Mark the selected county's row and the mapped indicator's column. */
export function markAnnexTable(table: HTMLTableElement, indicator: string, county: string | null): void {
  for (const tr of table.querySelectorAll<HTMLTableRowElement>('tbody tr')) tr.setAttribute('aria-selected', String(tr.dataset.adcode === county));
  for (const cell of table.querySelectorAll<HTMLElement>('[data-col]')) cell.classList.toggle('active', cell.dataset.col === indicator);
}

function sortBy(table: HTMLTableElement, th: HTMLTableCellElement): void {
  const col = th.dataset.col!;
  const dir = th.getAttribute('aria-sort') === 'descending' ? 'ascending' : 'descending';
  for (const h of table.querySelectorAll<HTMLElement>('thead th')) h.setAttribute('aria-sort', 'none');
  th.setAttribute('aria-sort', col === 'code' && dir === 'descending' ? 'ascending' : dir);
  const tbody = table.tBodies[0];
  const rows = [...tbody.rows].filter((r) => r.dataset.adcode !== CITY.adcode);
  const key = (r: HTMLTableRowElement) => {
    if (col === 'code') return Number(r.dataset.sortCode);
    const v = r.querySelector<HTMLElement>(`td[data-col="${col}"]`)!.dataset.sort;
    return v === '' ? null : Number(v);
  };
  const sign = th.getAttribute('aria-sort') === 'ascending' ? 1 : -1;
  rows.sort((a, b) => {
    const x = key(a);
    const y = key(b);
    if (x === null && y === null) return 0;
    if (x === null) return 1; // non-numbers last, whichever the direction
    if (y === null) return -1;
    return (x - y) * sign;
  });
  for (const r of rows) tbody.append(r);
}
