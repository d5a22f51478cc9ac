// workload.js — "Workload details": cache hit and write rates, batch share, a share of long prompts and
// their length; the real bill's choices (reasoning, service tier, cache-write lifetime, region); where the
// long-context tier of each compared model's cheapest route lies; and the break-even answers (when caching and
// batch pay, where the pair's bills cross).
import * as fmt from './format.js';
import { el, clear, field } from './tools-dom.js';
import { drawnFrom, asSentence } from './dom.js';

/**
 * The real bill's choices: the page state's key (T.state, named as the hash key), the engine's workload field
 * (versus.limits.workloadChoices[field]: its options and default) and how the page says each option. An option
 * the engine has and this list does not is shown as the engine names it.
 */
const CHOICES = [
  { key: 'reasoning', field: 'reasoning', label: 'Reasoning', words: { visible: 'Visible output only', typical: 'With typical reasoning' } },
  { key: 'tier', field: 'tier', label: 'Service tier (requests not sent as batch)', words: { standard: 'Standard', flex: 'Flex', priority: 'Priority' } },
  { key: 'ttl', field: 'cacheLifetime', label: 'Cache-write lifetime', words: { '5m': '5 minutes', '1h': '1 hour' } },
];

const SHARES = [
  { key: 'cache', label: 'Cache hit rate (% of input read from cache)' },
  { key: 'cwrite', label: 'Cache write rate (% of input written to cache)' },
  { key: 'batch', label: 'Batch share (% of requests sent as batch)' },
  { key: 'long', label: 'Share of long prompts (% of requests)' },
];

export function createWorkloadView(T) {
  const section = el('section', { className: 'tool', 'aria-labelledby': 'tw-h' });
  section.append(el('h2', { id: 'tw-h', text: 'Workload details' }));
  const form = el('form', { className: 'tw-form', novalidate: true, autocomplete: 'off' });
  form.addEventListener('submit', (e) => e.preventDefault());
  const fs = el('fieldset', { className: 'tgrid' }, el('legend', { text: 'Cache, batch and long prompts (used by every view on this part of the page)' }));
  const inputs = {};
  const msgs = {};
  for (const s of SHARES) {
    const input = el('input', { type: 'number', min: '0', max: '100', step: '1', inputmode: 'decimal', name: `tw-${s.key}`, id: `tw-${s.key}` });
    inputs[s.key] = input;
    const wrap = field(s.label, input);
    msgs[s.key] = el('p', { className: 'field-msg', id: `tw-${s.key}-msg`, 'aria-live': 'polite' });
    input.setAttribute('aria-describedby', msgs[s.key].id);
    wrap.append(msgs[s.key]);
    fs.append(wrap);
  }
  const longin = el('input', { type: 'number', min: '0', step: '1000', inputmode: 'numeric', id: 'tw-longin', name: 'tw-longin' });
  inputs.longin = longin;
  const lw = field('Long prompt length (input tokens)', longin);
  msgs.longin = el('p', { className: 'field-msg', id: 'tw-longin-msg', 'aria-live': 'polite' });
  longin.setAttribute('aria-describedby', msgs.longin.id);
  lw.append(msgs.longin);
  fs.append(lw);
  // Which routes may head (src/routes.hpp): resellers' and outliers' prices are listed, flagged, and left out.
  const allRoutes = el('input', { type: 'checkbox', id: 'tw-routes', name: 'tw-routes' });
  const rw = el('div', { className: 'check check-wide' }, allRoutes,
    el('label', { for: 'tw-routes', text: 'Let resellers and unverified prices be the headline route' }));
  fs.append(rw);
  allRoutes.addEventListener('change', () => {
    T.state.routes = allRoutes.checked;
    T.writeHash();
    if ('allRoutes' in T.ctx.workload()) T.ctx.rerender();
    else T.refreshAll();
  });
  // Prices as on a day (src/price_history.hpp): each route at the price its history says held then.
  const on = el('input', { type: 'date', id: 'tw-on', name: 'tw-on' });
  const ow = field('Prices as on (empty: the catalog\'s own prices)', on);
  msgs.on = el('p', { className: 'field-msg', id: 'tw-on-msg', 'aria-live': 'polite' });
  inputs.on = on;
  on.setAttribute('aria-describedby', msgs.on.id);
  ow.append(msgs.on);
  fs.append(ow);
  on.addEventListener('change', () => {
    if (on.value && on.validity.badInput) return setMsg('on', 'Not a day: pick one, or clear the field.');
    setMsg('on', '');
    T.state.on = on.value;
    T.writeHash();
    if ('on' in T.ctx.workload()) T.ctx.rerender();
    else T.refreshAll();
  });
  form.append(fs);
  // The real bill (issue 17): the options and defaults are the engine's; the regions are the catalog's.
  const bill = el('fieldset', { className: 'tgrid' }, el('legend', { text: 'The real bill: reasoning, service tier, cache lifetime and region' }));
  const selects = {};
  const choices = T.versus.limits.workloadChoices ?? {};
  for (const c of CHOICES) {
    const spec = choices[c.field];
    if (!spec) continue;
    const select = el('select', { id: `tw-${c.key}`, name: `tw-${c.key}`, dataset: { field: c.field } },
      ...spec.options.map((o) => el('option', { value: o, text: c.words[o] ?? o })));
    selects[c.key] = select;
    bill.append(field(c.label, select, spec.what ? asSentence(spec.what[0].toUpperCase() + spec.what.slice(1)) : undefined));
  }
  const region = el('select', { id: 'tw-region', name: 'tw-region', dataset: { field: 'region' } }, el('option', { value: '', text: 'Anywhere' }));
  const lists = T.versus.lists();
  for (const r of (lists.ok ? lists.value.regions : null) ?? []) {
    region.append(el('option', { value: r.id, text: `${r.id} (${fmt.integer(r.routes)} route${r.routes === 1 ? '' : 's'})` }));
  }
  selects.region = region;
  bill.append(field('Region (where requests are processed)', region, 'Only routes in that region, or priced for it, count; a model with none there has no monthly figure.'));
  for (const [key, select] of Object.entries(selects)) {
    select.addEventListener('change', () => {
      T.state[key] = select.value;
      T.writeHash();
      // The pair's figures read the workload from the page state (written just above): redraw them, then the tools.
      T.ctx.rerender();
    });
  }
  form.append(bill);
  const summary = el('p', { className: 'note', id: 'tw-summary' });
  const tiers = el('div', { className: 'tw-tiers', id: 'tw-tiers' });
  const breakEven = el('div', { className: 'tw-breakeven', id: 'tw-breakeven' });
  section.append(form, summary, el('h3', { text: 'Break-even points' }), breakEven, el('h3', { text: 'Long-context price tiers' }), tiers);

  function setMsg(key, text) {
    msgs[key].textContent = text || '';
    if (text) inputs[key].setAttribute('aria-invalid', 'true');
    else inputs[key].removeAttribute('aria-invalid');
  }

  function onInput(key) {
    const input = inputs[key];
    const v = input.value.trim();
    const n = Number(v);
    if (input.validity.badInput || v === '' || !Number.isFinite(n)) return setMsg(key, 'Enter a number.');
    if (key === 'longin') {
      const { max } = T.versus.limits.workload.longInputTokens;
      if (n < 0 || n > max) return setMsg(key, `Enter a token count from 0 to ${fmt.integer(max)}.`);
      setMsg(key, '');
      T.state.longin = Math.round(n);
    } else {
      if (n < 0 || n > 100) return setMsg(key, 'Enter a percentage from 0 to 100.');
      const share = Math.round(n * 100) / 10000;
      const other = key === 'cache' ? T.state.cwrite : key === 'cwrite' ? T.state.cache : 0;
      if ((key === 'cache' || key === 'cwrite') && share + other > 1) return setMsg(key, 'Cache reads plus cache writes cannot pass 100% of the input.');
      setMsg(key, '');
      T.state[key] = share;
      if (key === 'cache') setMsg('cwrite', '');
      if (key === 'cwrite') setMsg('cache', '');
    }
    T.writeHash();
    // The pair view reads the details from the page state (web/state.js, written just above): re-render it too.
    if ('cacheHitRate' in T.ctx.workload()) T.ctx.rerender();
    else T.refreshAll();
  }
  for (const key of Object.keys(inputs)) inputs[key].addEventListener('input', () => onInput(key));

  function sync() {
    for (const s of SHARES) {
      inputs[s.key].value = String(Math.round(T.state[s.key] * 10000) / 100);
      setMsg(s.key, '');
    }
    inputs.longin.value = String(T.state.longin);
    setMsg('longin', '');
    allRoutes.checked = T.state.routes;
    on.value = T.state.on ?? '';
    setMsg('on', '');
    for (const [key, select] of Object.entries(selects)) {
      const v = T.state[key] ?? '';
      // A region the link names that the catalog's list lacks is still the state: shown as it is.
      if (![...select.options].some((o) => o.value === v)) select.append(el('option', { value: v, text: v }));
      select.value = v;
    }
  }
  sync();

  function renderSummary() {
    const w = T.workload();
    const parts = [`${fmt.integer(w.requests)} requests a month × (${fmt.integer(w.inputTokens)} input + ${fmt.integer(w.outputTokens)} output tokens)`];
    if (w.cacheHitRate || w.cacheWriteRate) parts.push(`${fmt.num(w.cacheHitRate * 100, 2)}% of input read from cache, ${fmt.num(w.cacheWriteRate * 100, 2)}% written to it`);
    if (w.batchShare) parts.push(`${fmt.num(w.batchShare * 100, 2)}% sent as batch`);
    if (w.longShare && w.longInputTokens) parts.push(`${fmt.num(w.longShare * 100, 2)}% of requests with ${fmt.integer(w.longInputTokens)}-token prompts`);
    if (w.on) parts.push(`every route priced as on ${w.on}, by its price history`);
    const said = (key, v) => CHOICES.find((c) => c.key === key).words[v] ?? v;
    if (w.reasoning && w.reasoning !== choices.reasoning?.default) parts.push(`output billed ${said('reasoning', w.reasoning).toLowerCase()}`);
    if (w.tier && w.tier !== choices.tier?.default) parts.push(`requests not sent as batch on the ${said('tier', w.tier).toLowerCase()} tier`);
    if (w.cacheLifetime && w.cacheLifetime !== choices.cacheLifetime?.default) parts.push(`cache writes kept ${said('ttl', w.cacheLifetime)}`);
    if (w.region) parts.push(`processed in ${w.region}`);
    parts.push(w.allRoutes ? 'any route may be the headline, resellers\' and unverified prices included' : 'headline routes from labs, clouds, hosts and gateways');
    summary.textContent = `Workload: ${parts.join('; ')}. Cached tokens are part of the input, not on top of it.`;
    if (w.longShare && !w.longInputTokens) summary.textContent += ' Set the long prompt length for the long share to count.';
  }

  /** Per-request cost of one offer of a model at a given prompt length (engine math, requests = 1). */
  function costAt(id, providerId, inputTokens) {
    const w = { ...T.workload(), requests: 1, inputTokens, batchShare: 0, longShare: 0, longInputTokens: 0 };
    const r = T.versus.model(id, w);
    if (!r.ok) return null;
    const o = r.value.offers.find((x) => x.provider.id === providerId && x.monthly !== null);
    return o ? o.monthly : null;
  }

  const tiersDrawn = drawnFrom(); // the inputs of the tier list on screen: the ratio does not change it
  function renderTiers() {
    const w = T.workload();
    if (!tiersDrawn.changed(JSON.stringify([T.nwayIds(), { ...w, ratio: 0 }, T.state.custom]))) return;
    clear(tiers);
    const list = el('ul', { className: 'tier-list' });
    for (const id of T.nwayIds()) {
      const r = T.versus.model(id, w);
      if (!r.ok) continue;
      const m = r.value;
      const route = m.cheapest;
      const li = el('li', { dataset: { model: m.id } });
      li.append(el('strong', { text: m.name }), ': ');
      if (!route) {
        li.append('no priced route.');
      } else if (!route.tiers?.length) {
        li.append(`no long-context tier at its cheapest route (${route.provider.name}): every prompt length is billed at ${fmt.perMillion(route.input)} input, ${fmt.perMillion(route.output)} output.`);
      } else {
        const t = route.tiers[0];
        const below = costAt(m.id, route.provider.id, t.start);
        const above = costAt(m.id, route.provider.id, t.start + 1);
        li.append(`at ${route.provider.name}, prompts over `, el('strong', { dataset: { figure: 'tier-start' }, text: `${fmt.integer(t.start)} tokens` }),
          ` are billed entirely at ${fmt.perMillion(t.input)} input / ${fmt.perMillion(t.output)} output (from ${fmt.perMillion(route.input)} / ${fmt.perMillion(route.output)}). `,
          'One request with a ', el('span', { text: `${fmt.integer(t.start)}-token prompt costs ` }),
          el('strong', { dataset: { figure: 'tier-below' }, text: fmt.usd(below) }), '; with one more token, ',
          el('strong', { dataset: { figure: 'tier-above' }, text: fmt.usd(above) }),
          fmt.known(below) && fmt.known(above) && below > 0 ? ` (${fmt.times(above / below)}).` : '.');
        const crosses = [];
        if (w.inputTokens > t.start) crosses.push('every request of your traffic');
        if (w.longShare > 0 && w.longInputTokens > t.start) crosses.push(`your long prompts (${fmt.num(w.longShare * 100, 2)}% of requests)`);
        if (crosses.length) li.append(el('span', { className: 'tag warn', text: `crossed by ${crosses.join(' and ')}` }));
        if (route.tiers.length > 1) li.append(` ${route.tiers.length - 1} more tier${route.tiers.length > 2 ? 's' : ''} above.`);
      }
      list.append(li);
    }
    tiers.append(list, el('p', { className: 'note', text: 'A tier applies per request: once a prompt passes the threshold, every token of that request is billed at the tier rate (the genai-prices rule). Costs include your cache rates; batch is left out here.' }));
  }

  const breakEvenDrawn = drawnFrom(); // the inputs of the break-even answers on screen
  /** Per compared model, when caching and batch pay; for the pair, where its two bills cross. */
  function renderBreakEven() {
    const w = T.workload();
    const ids = T.nwayIds();
    if (!breakEvenDrawn.changed(JSON.stringify([ids, w, T.state.custom]))) return;
    clear(breakEven);
    const [a, b] = T.ctx.models();
    const pair = T.versus.compare(a, b, w);
    const views = new Map(pair.ok ? pair.value.models.map((m) => [m.id, m]) : []);
    const list = el('ul', { className: 'breakeven-list' });
    for (const id of ids) {
      let m = views.get(id);
      if (!m) {
        const r = T.versus.model(id, w);
        if (!r.ok) continue;
        m = r.value;
      }
      const li = el('li', { dataset: { model: m.id } }, el('strong', { text: m.name }), ': ');
      const be = m.breakEven;
      if (!be) li.append('nothing to say: no priced route.');
      else {
        if (be.cache?.sentence) li.append(el('span', { dataset: { figure: 'breakeven-cache' }, text: asSentence(be.cache.sentence) }));
        if (be.batch?.sentence) li.append(' ', el('span', { dataset: { figure: 'breakeven-batch' }, text: asSentence(be.batch.sentence) }));
      }
      list.append(li);
    }
    breakEven.append(list);
    const x = pair.ok ? pair.value.crossover : null;
    if (x) {
      const [A, B] = pair.value.models;
      const box = el('div', { className: 'crossover', dataset: { figure: 'crossover' } }, el('p', {}, el('strong', { text: `${A.name} and ${B.name}: ` }),
        x.sentences?.length ? 'where the cheaper of the two changes.' : 'the cheaper of the two does not change with the cache hit rate or the output length.'));
      if (x.sentences?.length) box.append(el('ul', {}, ...x.sentences.map((t) => el('li', { dataset: { figure: 'crossover-sentence' }, text: asSentence(t) }))));
      if (x.volume) box.append(el('p', { dataset: { figure: 'crossover-volume' }, text: asSentence(x.volume) }));
      breakEven.append(box);
    }
  }

  return {
    section,
    sync,
    render() {
      renderSummary();
      renderBreakEven();
      renderTiers();
    },
    renderSummary,
    renderTiers,
    renderBreakEven,
  };
}
