// overrides.js — "Your prices": override an offer's price (a negotiated rate) or add a private model.
// Kept in the URL hash (custom=…), applied with versus.setOverrides, then the pair view re-renders.
import * as fmt from './format.js';
import { el, clear, field } from './tools-dom.js';
import { refusal } from './state.js';
import { createPicker } from './picker.js';

const NEW_ROUTE = '';

function priceInput(id, placeholder) {
  return el('input', { type: 'number', id, min: '0', max: '10000', step: 'any', inputmode: 'decimal', placeholder });
}

export function createOverridesView(T) {
  const section = el('section', { className: 'tool', 'aria-labelledby': 'to-h', id: 'tool-prices' });
  section.append(el('h2', { id: 'to-h', text: 'Your prices' }),
    el('p', { className: 'note', text: 'A negotiated rate or a model of your own, in USD per 1M tokens. Your prices stay in this page’s link (nothing is sent anywhere) and show as “Your price”; the catalog price stays listed as an alternative.' }));

  // offer override
  const oForm = el('form', { className: 'to-form', novalidate: true, autocomplete: 'off', id: 'to-offer-form' });
  const oModel = el('input', { type: 'text', id: 'to-model', spellcheck: 'false', placeholder: 'Search name or alias' });
  const oProv = el('select', { id: 'to-provider' }, el('option', { value: NEW_ROUTE, text: 'A new route of your own' }));
  const oIn = priceInput('to-input', 'keep');
  const oOut = priceInput('to-output', 'keep');
  const oCache = priceInput('to-cache', 'keep');
  const oMsg = el('p', { className: 'field-msg', id: 'to-offer-msg', 'aria-live': 'polite' });
  oForm.append(el('fieldset', { className: 'tgrid' }, el('legend', { text: 'Your price for a model' }),
    field('Model', oModel), field('Provider', oProv), field('Input / 1M', oIn), field('Output / 1M', oOut), field('Cache read / 1M', oCache),
    el('div', { className: 'tfield actions' }, el('button', { type: 'submit', className: 'btn', id: 'to-offer-add', text: 'Use my price' }))), oMsg);

  // private model
  const pForm = el('form', { className: 'to-form', novalidate: true, autocomplete: 'off', id: 'to-model-form' });
  const pName = el('input', { type: 'text', id: 'to-pname', maxlength: String(T.versus.limits.custom.nameBytes), placeholder: 'e.g. our fine-tune' });
  const pIn = priceInput('to-pinput', 'required');
  const pOut = priceInput('to-poutput', 'required');
  const pCtx = el('input', { type: 'number', id: 'to-pctx', min: '0', step: '1000', inputmode: 'numeric', placeholder: 'unknown' });
  const pMsg = el('p', { className: 'field-msg', id: 'to-model-msg', 'aria-live': 'polite' });
  pForm.append(el('fieldset', { className: 'tgrid' }, el('legend', { text: 'A private model' }),
    field('Name', pName), field('Input / 1M', pIn), field('Output / 1M', pOut), field('Context (tokens)', pCtx),
    el('div', { className: 'tfield actions' }, el('button', { type: 'submit', className: 'btn', id: 'to-model-add', text: 'Add model' }))), pMsg);

  const listBox = el('div', { className: 'to-list', id: 'to-list' });
  const errBox = el('div', { className: 'to-errors', id: 'to-errors', role: 'alert' });
  section.append(oForm, pForm, errBox, listBox);

  // The page's one model picker (picker.js): a suggestion is that model; the routes to price follow it.
  const oPicker = createPicker(oModel, {
    search: (q) => T.versus.search(q, 30),
    onPick: () => fillProviders(),
    onEnter: () => oForm.requestSubmit(),
  });
  oModel.addEventListener('input', fillProviders);
  oModel.addEventListener('change', fillProviders);

  function resolve(q) {
    const pickedId = oPicker.picked();
    if (pickedId) return T.versus.model(pickedId, T.ctx.workload()).value ?? null;
    const named = T.versus.resolve(q);
    if (!named.ok || named.value.guess) return null;
    const r = T.versus.model(named.value.id, T.ctx.workload());
    return r.ok ? r.value : null;
  }

  function fillProviders() {
    const m = resolve(oModel.value.trim());
    const keep = oProv.value;
    clear(oProv).append(el('option', { value: NEW_ROUTE, text: 'A new route of your own' }));
    if (!m) return;
    const seen = new Set();
    for (const o of m.offers) {
      if (seen.has(o.provider.id) || o.provider.id === 'visitor') continue;
      seen.add(o.provider.id);
      const price = o.input !== null && o.output !== null ? ` (${fmt.usd(o.input)} / ${fmt.usd(o.output)})` : '';
      oProv.append(el('option', { value: o.provider.id, text: `${o.provider.name}${price}` }));
    }
    oProv.value = seen.has(keep) ? keep : (m.cheapest?.provider.id && seen.has(m.cheapest.provider.id) ? m.cheapest.provider.id : NEW_ROUTE);
  }

  function readPrice(input, { required = false } = {}) {
    const v = input.value.trim();
    if (v === '') return required ? { error: 'is required' } : { value: null };
    const n = Number(v);
    if (input.validity.badInput || !Number.isFinite(n)) return { error: 'is not a number' };
    const most = T.versus.limits.custom.price;
    if (n < 0 || n > most) return { error: `must be from 0 to ${fmt.integer(most)} USD per 1M tokens` };
    return { value: n };
  }

  function tryApply(next, msgBox) {
    // The link must be able to carry them: the engine's limits (length, entries) say.
    const refused = refusal((page) => {
      page.custom = next;
    });
    if (refused) {
      msgBox.textContent = `Your prices would not fit in the link: ${refused.replace(/^is ignored: /, '')}; remove one first.`;
      return false;
    }
    msgBox.textContent = '';
    return apply(next, { quiet: false });
  }

  oForm.addEventListener('submit', (e) => {
    e.preventDefault();
    const m = resolve(oModel.value.trim());
    if (!m) {
      oMsg.textContent = oModel.value.trim() ? `No model matches “${oModel.value.trim()}”; pick one from the list.` : 'Pick a model first.';
      return;
    }
    const vals = {};
    for (const [k, input, label] of [['input', oIn, 'Input'], ['output', oOut, 'Output'], ['cacheRead', oCache, 'Cache read']]) {
      const r = readPrice(input);
      if (r.error) {
        oMsg.textContent = `${label} price ${r.error}.`;
        input.focus();
        return;
      }
      if (r.value !== null) vals[k] = r.value;
    }
    if (!Object.keys(vals).length) {
      oMsg.textContent = 'Enter at least one price.';
      return;
    }
    const entry = { model: m.id, ...(oProv.value ? { provider: oProv.value } : {}), ...vals };
    const next = structuredClone(T.state.custom);
    next.prices = next.prices.filter((p) => !(p.model === entry.model && (p.provider ?? '') === (entry.provider ?? '')));
    next.prices.push(entry);
    if (tryApply(next, oMsg)) {
      oIn.value = '';
      oOut.value = '';
      oCache.value = '';
    }
  });

  pForm.addEventListener('submit', (e) => {
    e.preventDefault();
    const name = pName.value.trim();
    if (!name) {
      pMsg.textContent = 'Give the model a name.';
      return;
    }
    const i = readPrice(pIn, { required: true });
    const o = readPrice(pOut, { required: true });
    if (i.error || o.error) {
      pMsg.textContent = i.error ? `Input price ${i.error}.` : `Output price ${o.error}.`;
      return;
    }
    const entry = { name, input: i.value, output: o.value };
    const cv = pCtx.value.trim();
    if (cv !== '') {
      const n = Number(cv);
      if (!Number.isFinite(n) || n < 0 || n > 1e9) {
        pMsg.textContent = 'Context must be a token count.';
        return;
      }
      entry.context = Math.round(n);
    }
    const next = structuredClone(T.state.custom);
    next.models = next.models.filter((x) => x.name.toLowerCase() !== name.toLowerCase());
    next.models.push(entry);
    if (tryApply(next, pMsg)) {
      pName.value = '';
      pIn.value = '';
      pOut.value = '';
      pCtx.value = '';
    }
  });

  /** Give the engine `custom`; on success store it, rewrite the hash and re-render the pair. */
  function apply(custom, { quiet = false } = {}) {
    clear(errBox);
    const r = T.versus.setOverrides(custom);
    if (!r.ok) {
      const e = r.error;
      errBox.append(el('p', { className: 'error-title', text: `Your prices were not applied: ${e.message}` }));
      if (e.problems?.length) {
        const ul = el('ul');
        for (const p of e.problems.slice(0, 10)) ul.append(el('li', {}, el('code', { text: p.path || '(top level)' }), `: ${p.message}`));
        errBox.append(ul);
      }
      return false;
    }
    T.state.custom = structuredClone(custom);
    privateIds = r.value.privateIds;
    render();
    T.writeHash();
    T.ctx.rerender();
    T.writeHash();
    if (!quiet) T.refreshAll?.();
    return true;
  }

  let privateIds = []; // the engine's id of each private model (setOverrides), in T.state.custom.models' order

  function render() {
    clear(listBox);
    const c = T.state.custom;
    if (!c.prices.length && !c.models.length) {
      listBox.append(el('p', { className: 'note', text: 'No prices of your own yet.' }));
      return;
    }
    const ul = el('ul', { className: 'to-items' });
    const name = (id) => {
      const r = T.versus.model(id, T.ctx.workload());
      return r.ok ? r.value.name : id;
    };
    const money = (x) => (x === undefined || x === null ? 'catalog' : fmt.usd(x));
    c.prices.forEach((p, i) => {
      const provider = p.provider ? (T.versus.model(p.model, T.ctx.workload()).value?.offers.find((o) => o.provider.id === p.provider)?.provider.name ?? p.provider) : 'your own route';
      ul.append(el('li', { dataset: { kind: 'price' } }, el('span', { className: 'tag yours', text: 'Your price' }), ' ',
        el('strong', { text: name(p.model) }), ` at ${provider}: input ${money(p.input)}, output ${money(p.output)}${p.cacheRead !== undefined ? `, cache read ${money(p.cacheRead)}` : ''} per 1M `,
        el('button', { type: 'button', className: 'mini remove', 'aria-label': `Remove your price for ${name(p.model)}`, text: '×', on: { click: () => {
          const next = structuredClone(c);
          next.prices.splice(i, 1);
          apply(next);
        } } })));
    });
    c.models.forEach((m, i) => {
      ul.append(el('li', { dataset: { kind: 'model' } }, el('span', { className: 'tag yours', text: 'Your model' }), ' ',
        el('strong', { text: m.name }), ` (${privateIds[i]}): input ${fmt.usd(m.input)}, output ${fmt.usd(m.output)} per 1M${m.context ? `, ${fmt.tokens(m.context)} context` : ''} `,
        el('button', { type: 'button', className: 'mini', 'aria-label': `Add ${m.name} to the side-by-side comparison`, text: '+', on: { click: () => {
          const res = T.addModel(privateIds[i]);
          pMsg.textContent = res.error ?? `${m.name} added to the side-by-side comparison.`;
        } } }),
        el('button', { type: 'button', className: 'mini remove', 'aria-label': `Remove your model ${m.name}`, text: '×', on: { click: () => {
          const next = structuredClone(c);
          next.models.splice(i, 1);
          const gone = privateIds[i];
          T.state.m = T.state.m.filter((x) => x !== gone);
          apply(next); // model A or B was this one: the pair view falls back to the defaults and says so
        } } })));
    });
    listBox.append(ul);
  }
  render();

  return { section, apply, render };
}
