/**
 * The "my town" search box (src/components/PlaceSearch.astro): loads places.json on first use,
 * matches with src/lib/placeSearch.ts, and follows the ARIA 1.2 combobox pattern (list
 * autocomplete): the input keeps focus, aria-activedescendant names the highlighted option,
 * ↓/↑ move, Enter chooses, Esc closes the list (a second Esc clears the text), Tab leaves.
 * The map is never needed: on the home page the choice is handed to the page controller
 * (SELECT_COUNTY_EVENT), which works with the static map too.
 */
import type { PlacesFile } from '../domain/contract';
import { normalizePlaceName } from '../domain/placeNames';
import { indexPlaces, searchPlaces, type Place, type PlaceIndex } from '../lib/placeSearch';
import { SELECT_COUNTY_EVENT, type SelectCountyDetail } from '../lib/atlasEvents';

interface Config {
  lang: 'zh' | 'en';
  mode: 'home' | 'county';
  /** places.json, with the base path */
  src: string;
  /** a county page, "{code}" for the adcode */
  countyUrl: string;
  strings: Record<
    'label' | 'hint' | 'listLabel' | 'loading' | 'failed' | 'none' | 'count' | 'countMore' | 'similar' | 'countyLevel' | 'chosen' | 'chosenCounty' | 'toMap' | 'going' | 'countyPage',
    string
  >;
}

/** results shown at once: eight two-line options fit above a phone's keyboard */
const LIMIT = 8;
const fill = (s: string, v: Record<string, string | number>) => s.replace(/\{(\w+)\}/g, (_, k) => String(v[k] ?? ''));
/** fill() into DOM nodes, so that a Chinese name inside an English sentence can carry lang="zh-CN" */
const fillNodes = (s: string, v: Record<string, string | number | Node>): Node[] =>
  s
    .split(/(\{\w+\})/)
    .filter((x) => x !== '')
    .map((x) => {
      const k = /^\{(\w+)\}$/.exec(x)?.[1];
      const val = k === undefined ? x : v[k];
      return val instanceof Node ? val.cloneNode(true) : document.createTextNode(String(val ?? ''));
    });

const cfgEl = document.getElementById('place-search-config');
if (cfgEl) start(JSON.parse(cfgEl.textContent!) as Config);

function start(cfg: Config) {
  const S = cfg.strings;
  const input = document.getElementById('place-q') as HTMLInputElement;
  const list = document.getElementById('place-list') as HTMLUListElement;
  const status = document.getElementById('place-status') as HTMLElement;
  const chosen = document.getElementById('place-chosen') as HTMLElement;
  const root = input.closest<HTMLElement>('.place-search')!;
  const narrow = window.matchMedia('(max-width: 48rem)');
  let index: PlaceIndex | null = null;
  let loading: Promise<PlaceIndex | null> | null = null;
  let hits: Place[] = [];
  let active = -1;

  /** the index, fetched once, on first use (precached by the service worker for offline use) */
  function load(): Promise<PlaceIndex | null> {
    if (index) return Promise.resolve(index);
    if (!loading) {
      status.textContent = S.loading;
      loading = fetch(cfg.src)
        .then((r) => {
          if (!r.ok) throw new Error(`${r.status}`);
          return r.json() as Promise<PlacesFile>;
        })
        .then((file) => (index = indexPlaces(file)))
        .catch(() => {
          loading = null; // try again on the next keystroke
          status.textContent = S.failed;
          return null;
        });
    }
    return loading;
  }

  const countyName = (code: string) => {
    const c = index!.byCode.get(code)!;
    return cfg.lang === 'en' ? c.nameEn! : c.name;
  };
  const displayName = (p: Place) => (p.level === 'county' ? countyName(p.code) : p.name);
  /** text in a language other than the page's, marked for screen readers and fonts */
  const inLang = (text: string, lang: 'zh' | 'en'): Node => {
    if (lang === cfg.lang) return document.createTextNode(text);
    const span = document.createElement('span');
    span.lang = lang === 'zh' ? 'zh-CN' : 'en';
    span.textContent = text;
    return span;
  };
  /** a unit name (always Chinese) or a county name (in the page's language) */
  const nameNode = (p: Place): Node => (p.level === 'county' ? document.createTextNode(countyName(p.code)) : inLang(p.name, 'zh'));
  const hasHan = (t: string) => /\p{Script=Han}/u.test(t);

  function option(p: Place, i: number): HTMLLIElement {
    const li = document.createElement('li');
    li.id = `place-opt-${i}`;
    li.setAttribute('role', 'option');
    li.setAttribute('aria-selected', 'false');
    li.dataset.code = p.code;
    const name = document.createElement('span');
    name.className = 'place-name';
    name.append(nameNode(p));
    const path = document.createElement('span');
    path.className = 'place-path';
    if (p.level === 'county') {
      path.append(`${S.countyLevel} · `, cfg.lang === 'en' ? inLang(p.name, 'zh') : inLang(p.nameEn!, 'en'));
    } else {
      // 村 → 乡镇 → 旗县区: the option's first line is the place, the second what it lies in;
      // the arrows are drawn, not read (the two lines are read as "三道沟村委会 乌敦套海镇 翁牛特旗")
      for (const code of p.path) {
        const arrow = document.createElement('span');
        arrow.setAttribute('aria-hidden', 'true');
        arrow.textContent = '→';
        // the spaces stay outside the hidden arrow, so the names are read apart
        path.append(...(path.childNodes.length ? [' '] : []), arrow, ' ', nameNode(index!.byCode.get(code)!));
      }
    }
    li.append(name, path);
    return li;
  }

  function open() {
    list.hidden = false;
    input.setAttribute('aria-expanded', 'true');
    fitAboveKeyboard();
  }
  function close() {
    list.hidden = true;
    input.setAttribute('aria-expanded', 'false');
    input.removeAttribute('aria-activedescendant');
    active = -1;
  }

  /** the list never runs under a phone's on-screen keyboard: it ends where the visible area does */
  function fitAboveKeyboard() {
    const vv = window.visualViewport;
    const visibleBottom = vv ? vv.offsetTop + vv.height : window.innerHeight;
    const room = Math.floor(visibleBottom - list.getBoundingClientRect().top - 12);
    list.style.setProperty('--place-list-max', `${Math.max(160, Math.min(room, 560))}px`);
  }

  function update() {
    if (!index) return;
    const q = input.value;
    chosen.hidden = true;
    if (normalizePlaceName(q) === '') {
      hits = [];
      list.replaceChildren();
      close();
      status.textContent = '';
      return;
    }
    const r = searchPlaces(index, q, LIMIT);
    hits = r.hits.map((h) => h.place);
    list.replaceChildren(...hits.map(option));
    active = -1;
    input.removeAttribute('aria-activedescendant');
    if (hits.length) open();
    else close();
    if (r.total === 0) status.replaceChildren(...fillNodes(S.none, { q: hasHan(q) ? inLang(q.trim(), 'zh') : q.trim() }));
    else
      status.textContent = r.similar
        ? fill(S.similar, { n: r.total })
        : r.total > hits.length
          ? fill(S.countMore, { n: r.total, shown: hits.length })
          : fill(S.count, { n: r.total });
    status.classList.remove('visually-hidden');
  }

  function move(delta: number) {
    if (!hits.length) return;
    if (list.hidden) open();
    active = active < 0 ? (delta > 0 ? 0 : hits.length - 1) : (active + delta + hits.length) % hits.length;
    for (const [i, li] of [...list.children].entries()) li.setAttribute('aria-selected', String(i === active));
    const li = list.children[active] as HTMLElement;
    input.setAttribute('aria-activedescendant', li.id);
    li.scrollIntoView({ block: 'nearest' });
  }

  function choose(p: Place) {
    const county = countyName(p.county);
    input.value = displayName(p);
    close();
    const url = cfg.countyUrl.replace('{code}', p.county);
    if (cfg.mode === 'county') {
      status.textContent = fill(S.going, { county });
      location.assign(url);
      return;
    }
    window.dispatchEvent(new CustomEvent<SelectCountyDetail>(SELECT_COUNTY_EVENT, { detail: { adcode: p.county } }));
    const sentence = () => fillNodes(p.level === 'county' ? S.chosenCounty : S.chosen, { name: nameNode(p), county });
    const text = document.createElement('p');
    text.append(...sentence());
    const toMap = document.createElement('a');
    toMap.href = '#map';
    toMap.textContent = S.toMap;
    const toPage = document.createElement('a');
    toPage.href = url;
    toPage.textContent = fill(S.countyPage, { name: county });
    chosen.replaceChildren(text, toMap, toPage);
    chosen.hidden = false;
    // announced once; on screen the card says it
    status.replaceChildren(...sentence());
    status.classList.add('visually-hidden');
  }

  // on a phone, bring the box to the top of the screen so the list has room above the keyboard
  function makeRoom() {
    if (!narrow.matches) return;
    root.scrollIntoView({ block: 'start' });
    const vv = window.visualViewport;
    if (!vv) return;
    const onResize = () => {
      if (document.activeElement !== input) return vv.removeEventListener('resize', onResize);
      fitAboveKeyboard();
    };
    vv.addEventListener('resize', onResize);
  }

  input.addEventListener('focus', () => {
    makeRoom();
    void load().then(() => {
      if (input.value && document.activeElement === input && list.hidden && chosen.hidden) update();
    });
  });
  input.addEventListener('input', () => {
    void load().then(update);
  });
  input.addEventListener('keydown', (e) => {
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      move(e.key === 'ArrowDown' ? 1 : -1);
    } else if (e.key === 'Enter') {
      if (!list.hidden && hits.length) {
        e.preventDefault();
        choose(hits[active >= 0 ? active : 0]);
      }
    } else if (e.key === 'Escape') {
      if (!list.hidden) {
        e.preventDefault();
        close();
      } else if (input.value) {
        e.preventDefault();
        input.value = '';
        update();
      }
    } else if (e.key === 'Tab') {
      close();
    }
  });
  // keep focus in the input while a pointer picks an option
  list.addEventListener('mousedown', (e) => e.preventDefault());
  list.addEventListener('click', (e) => {
    const li = (e.target as Element).closest<HTMLElement>('[role="option"]');
    if (li) choose(hits[[...list.children].indexOf(li)]);
  });
  root.addEventListener('focusout', (e) => {
    if (!root.contains(e.relatedTarget as Node | null)) close();
  });
}
