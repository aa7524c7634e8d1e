// Keeps the search form showing what was searched for: the query and ticked filters come back
// from the address, so a filter narrows the search that is on screen.
const params = new URLSearchParams(location.search);
const form = document.querySelector<HTMLFormElement>('site-search form');
if (form) {
  const q = form.querySelector<HTMLInputElement>('input[name="q"]');
  if (q) q.value = params.get('q') ?? '';
  for (const box of form.querySelectorAll<HTMLInputElement>('input[type="checkbox"]')) {
    box.checked = params.getAll(box.name).includes(box.value);
  }
}
