/**
 * Search with Pagefind, as a small custom element around a plain GET form. Without JavaScript the
 * form still submits and the page explains how else to find things; with it, results appear
 * below the form and the filters narrow them.
 */
interface PagefindResultData {
  url: string;
  excerpt: string;
  meta: Record<string, string>;
  filters: Record<string, string[]>;
}
interface Pagefind {
  options(o: Record<string, unknown>): Promise<void>;
  search(q: string | null, o?: { filters?: Record<string, string[]>; sort?: Record<string, string> }): Promise<{ results: { data(): Promise<PagefindResultData> }[] }>;
}

const FILTERS = ['kind', 'review type', 'year', 'theme'] as const;
/** Results shown at first, and added by each "Show more results" (Pagefind's own UI shows 5). */
const FIRST_RESULTS = 5;
const MORE_RESULTS = 10;

function formatDate(iso: string | undefined): string {
  if (!iso || !/^\d{4}-\d{2}-\d{2}$/.test(iso)) return '';
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d)).toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
}

class SiteSearch extends HTMLElement {
  #pagefind: Promise<Pagefind> | undefined;

  connectedCallback() {
    const params = new URLSearchParams(location.search);
    const query = (params.get('q') ?? '').trim();
    const filters: Record<string, string[]> = {};
    for (const name of FILTERS) {
      const values = params.getAll(name).filter(Boolean);
      if (values.length) filters[name] = values;
    }
    this.querySelector<HTMLElement>('[data-needs-js]')?.removeAttribute('hidden');
    this.querySelector<HTMLElement>('[data-no-js]')?.setAttribute('hidden', '');
    if (query || Object.keys(filters).length) void this.run(query, filters);
  }

  load(): Promise<Pagefind> {
    this.#pagefind ??= (async () => {
      const url = '/pagefind/pagefind.js';
      const pagefind = (await import(/* @vite-ignore */ url)) as Pagefind;
      // noWorker: search in this page rather than in a Web Worker, which is one more script to
      // download (12 KB gzipped) before the first result; a search takes milliseconds either way.
      await pagefind.options({ excerptLength: 30, noWorker: true });
      return pagefind;
    })();
    return this.#pagefind;
  }

  async run(query: string, filters: Record<string, string[]>) {
    const status = this.querySelector<HTMLElement>('[data-status]')!;
    const list = this.querySelector<HTMLOListElement>('[data-results]')!;
    status.textContent = 'Searching…';
    try {
      const pagefind = await this.load();
      const search = await pagefind.search(query || null, { filters, sort: query ? undefined : { date: 'desc' } } as never);
      // Each result's data is a fragment holding the page's whole text (a report's is 5 to 15 KB
      // compressed), so only the first few are fetched; "Show more results" fetches the next ones.
      const described = query ? ` for “${query}”` : '';
      const total = search.results.length;
      list.replaceChildren();
      let shown = 0;
      const more = this.#moreButton();
      const showMore = async (count: number) => {
        const next = await Promise.all(search.results.slice(shown, shown + count).map((r) => r.data()));
        list.append(...next.map((r) => this.item(r)));
        shown += next.length;
        status.textContent = `${total} result${total === 1 ? '' : 's'}${described}${total > shown ? ` (showing the first ${shown})` : ''}.`;
        more.hidden = shown >= total;
      };
      more.onclick = () => void showMore(MORE_RESULTS);
      await showMore(FIRST_RESULTS);
    } catch {
      status.textContent = 'Search is not available at the moment. You can browse reviews by year, type or theme instead.';
    }
  }

  #moreButton(): HTMLButtonElement {
    let button = this.querySelector<HTMLButtonElement>('[data-more]');
    if (!button) {
      button = document.createElement('button');
      button.type = 'button';
      button.className = 'govuk-button govuk-button--secondary';
      button.dataset.more = '';
      button.textContent = 'Show more results';
      this.querySelector<HTMLElement>('[data-results]')!.after(button);
    }
    button.hidden = true;
    return button;
  }

  item(r: PagefindResultData): HTMLLIElement {
    const li = document.createElement('li');
    li.className = 'app-list-item';
    const h = document.createElement('h2');
    h.className = 'govuk-heading-s';
    const a = document.createElement('a');
    a.className = 'govuk-link';
    a.href = r.url;
    a.textContent = r.meta.title ?? r.url;
    h.append(a);
    const meta = document.createElement('p');
    meta.className = 'app-meta';
    meta.textContent = [r.filters.kind?.[0], formatDate(r.meta.date)].filter(Boolean).join(' · ');
    const excerpt = document.createElement('p');
    excerpt.className = 'govuk-body';
    // Pagefind's excerpt is escaped text with <mark> around the matched words.
    excerpt.innerHTML = r.excerpt;
    li.append(h, meta, excerpt);
    return li;
  }
}

customElements.define('site-search', SiteSearch);
