/**
 * Progressive enhancement for the partners' "All actions" page: a form that narrows the table in
 * place by review, agency, status and timescale window. Without JavaScript the form stays hidden
 * and the filter links (pre-built pages) do the same job.
 */
for (const form of document.querySelectorAll<HTMLFormElement>('form[data-table-filter]')) {
  const target = document.getElementById(form.dataset.tableFilter ?? '');
  const rows = target ? [...target.querySelectorAll<HTMLTableRowElement>('tbody tr')] : [];
  const counter = form.querySelector<HTMLElement>('[data-filter-count]');
  const apply = () => {
    const data = new FormData(form);
    let shown = 0;
    for (const row of rows) {
      const match = ['review', 'owner', 'status', 'window'].every((k) => {
        const wanted = String(data.get(k) ?? '');
        // An action may have several owners: data-owner lists their ids, space-separated.
        if (k === 'owner') return !wanted || (row.dataset.owner ?? '').split(' ').includes(wanted);
        return !wanted || row.dataset[k] === wanted;
      });
      row.hidden = !match;
      if (match) shown++;
    }
    if (counter) counter.textContent = `Showing ${shown} of ${rows.length} actions.`;
  };
  form.addEventListener('change', apply);
  form.addEventListener('submit', (e) => e.preventDefault());
  form.hidden = false;
  apply();
}
