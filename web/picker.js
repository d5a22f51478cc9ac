/**
 * picker.js — the model picker: an ARIA 1.2 combobox (a text field with a listbox popup) over the engine's
 * search, which forgives typos and left-out spaces and ranks what people mean first (src/search.cpp). One
 * component for every field that names a model.
 *
 *   const picker = createPicker(input, { search, onPick, onEnter, onEscape, exclude });
 *     search(query)     → the engine's answer {ok, value: [{id, name, creator, released, routes, status, matched}]}
 *     onPick({id, name}) a suggestion was chosen (click, or Enter on the highlighted one)
 *     onEnter(text)     Enter with no suggestion highlighted: the caller resolves the typed text
 *     onEscape()        Escape with the list closed: the caller puts the current model back
 *     exclude()         ids not to suggest (the model page's own model)
 *   picker.show(id, name) puts a model in the field (its name, not its id); picker.picked() is the id of the
 *   suggestion the field holds, or null once the visitor has typed over it.
 *
 * Keys: ↓/↑ open the list and move through it, Enter picks, Escape closes (then restores), Tab leaves. The
 * number of suggestions is announced in a polite live region.
 */
import { el, clear } from './dom.js';

const LIMIT = 8;

export function createPicker(input, { search, onPick, onEnter = () => {}, onEscape = () => {}, exclude = () => [] }) {
  const listId = `${input.id}-listbox`;
  const list = el('ul', { id: listId, role: 'listbox', className: 'picker-list', 'aria-label': `Suggestions for ${labelOf(input)}`, hidden: true });
  const live = el('p', { className: 'visually-hidden', 'aria-live': 'polite', id: `${input.id}-count` });
  input.removeAttribute('list');
  input.setAttribute('role', 'combobox');
  input.setAttribute('aria-autocomplete', 'list');
  input.setAttribute('aria-expanded', 'false');
  input.setAttribute('aria-controls', listId);
  input.parentElement.classList.add('picker');
  input.after(list, live);

  let items = [];
  let active = -1;
  let held = null; // {id, name} the field shows as picked

  function render(query) {
    const r = search(query.trim(), LIMIT + exclude().length);
    const skip = new Set(exclude());
    items = r.ok ? r.value.filter((m) => !skip.has(m.id)).slice(0, LIMIT) : [];
    clear(list);
    items.forEach((m, i) => {
      const bits = [m.creator, m.released, m.routes ? `${m.routes} route${m.routes === 1 ? '' : 's'}` : 'no live route'];
      if (m.status && m.status !== 'live') bits.push(m.status);
      const option = el('li', { id: `${listId}-${i}`, role: 'option', className: 'picker-option', 'aria-selected': 'false', dataset: { id: m.id } },
        el('span', { className: 'picker-name', text: m.name }),
        el('span', { className: 'picker-detail', text: bits.filter(Boolean).join(' · ') }));
      if (m.matched && m.matched !== m.name && m.matched !== m.id) option.append(el('span', { className: 'picker-detail', text: `matched “${m.matched}”` }));
      list.append(option);
    });
    active = -1;
    input.removeAttribute('aria-activedescendant');
    live.textContent = items.length ? `${items.length} suggestion${items.length === 1 ? '' : 's'}; arrow keys to choose.` : query.trim() ? `No model matches “${query.trim()}”.` : '';
    // A search that lands after the field was left (a pause in typing, then Tab or Escape) opens nothing.
    setOpen(items.length > 0 && document.activeElement === input);
  }

  function setOpen(open) {
    list.hidden = !open;
    input.setAttribute('aria-expanded', String(open));
    if (!open) {
      active = -1;
      input.removeAttribute('aria-activedescendant');
    }
  }

  function highlight(i) {
    if (!items.length) return;
    active = (i + items.length) % items.length;
    for (const [j, li] of [...list.children].entries()) li.setAttribute('aria-selected', String(j === active));
    const li = list.children[active];
    input.setAttribute('aria-activedescendant', li.id);
    li.scrollIntoView?.({ block: 'nearest' });
  }

  function pick(i) {
    const m = items[i];
    if (!m) return;
    show(m.id, m.name);
    setOpen(false);
    onPick({ id: m.id, name: m.name });
  }

  function show(id, name) {
    held = { id, name };
    input.value = name;
  }

  let timer = 0;
  input.addEventListener('input', () => {
    held = null;
    clearTimeout(timer);
    timer = setTimeout(() => render(input.value), 60); // one search per pause in typing
  });
  // The field holds a name: a click or focus selects it, so typing replaces it (no id to delete first).
  input.addEventListener('focus', () => input.select());
  input.addEventListener('keydown', (ev) => {
    const open = !list.hidden;
    if (ev.key === 'ArrowDown' || ev.key === 'ArrowUp') {
      ev.preventDefault();
      if (!open) {
        clearTimeout(timer);
        render(held ? '' : input.value);
        if (ev.key === 'ArrowUp') highlight(items.length - 1);
        return;
      }
      highlight(active + (ev.key === 'ArrowDown' ? 1 : -1));
    } else if (ev.key === 'Enter') {
      ev.preventDefault();
      clearTimeout(timer);
      if (open && active >= 0) pick(active);
      else {
        setOpen(false);
        onEnter(input.value);
      }
    } else if (ev.key === 'Escape') {
      clearTimeout(timer); // a search still pending would open the list again
      if (open) {
        ev.preventDefault();
        setOpen(false);
      } else onEscape();
    } else if (ev.key === 'Tab') {
      clearTimeout(timer);
      setOpen(false);
    }
  });
  // mousedown, not click: the field keeps its focus, so the pick is not lost to a blur first
  list.addEventListener('mousedown', (ev) => {
    const li = ev.target.closest('li[role="option"]');
    if (!li) return;
    ev.preventDefault();
    pick([...list.children].indexOf(li));
  });
  input.addEventListener('blur', () => {
    clearTimeout(timer);
    setOpen(false);
  });

  return {
    show,
    picked: () => (held && input.value === held.name ? held.id : null),
    close: () => setOpen(false),
  };
}

function labelOf(input) {
  const label = input.id && document.querySelector(`label[for="${CSS.escape(input.id)}"]`);
  return label ? label.textContent.trim() : 'the model field';
}
