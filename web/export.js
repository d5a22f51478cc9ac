// export.js — the current comparison (the pair, or the side-by-side table from three models) and the
// ranking as CSV and JSON downloads, and a Markdown summary copied to the clipboard.
import * as fmt from './format.js';
import { el, toCsv, download, copyText } from './tools-dom.js';

const MODEL_HEADER = ['model_id', 'name', 'monthly_usd', 'per_request_usd', 'cheapest_provider', 'input_usd_per_1m', 'output_usd_per_1m',
  'blended_usd_per_1m', 'price_source', 'your_price'];
const RANK_HEADER = ['rank', 'model_id', 'name', 'creator', 'provider', 'monthly_usd', 'per_request_usd', 'blended_usd_per_1m',
  'input_usd_per_1m', 'output_usd_per_1m', 'context_tokens', 'open_weights', 'score', 'price_source', 'your_price'];

function mdCell(s) {
  return String(s ?? '').replace(/\|/g, '\\|').replace(/[\r\n]+/g, ' ');
}

export function createExportView(T) {
  const section = el('section', { className: 'tool', 'aria-labelledby': 'te-h', id: 'tool-export' });
  section.append(el('h2', { id: 'te-h', text: 'Export' }));
  const msg = el('p', { className: 'note', id: 'te-msg', role: 'status', 'aria-live': 'polite' });
  const btn = (id, text, fn) => el('button', { type: 'button', className: 'btn', id, text, on: { click: fn } });
  section.append(
    el('div', { className: 'te-row' }, el('span', { className: 'te-label', text: 'Comparison' }),
      btn('te-cmp-csv', 'CSV', () => exportComparison('csv')), btn('te-cmp-json', 'JSON', () => exportComparison('json'))),
    el('div', { className: 'te-row' }, el('span', { className: 'te-label', text: 'Ranking' }),
      btn('te-rank-csv', 'CSV', () => exportRanking('csv')), btn('te-rank-json', 'JSON', () => exportRanking('json'))),
    el('div', { className: 'te-row' }, el('span', { className: 'te-label', text: 'Summary' }),
      btn('te-copy', 'Copy summary (Markdown)', copySummary)),
    msg);

  /** The comparison on screen: the N-way table from three models, else the pair. */
  function comparison() {
    const ids = T.nwayIds();
    const r = T.versus.compareMany(ids, T.workload());
    if (!r.ok) return { error: r.error.message };
    const c = r.value;
    const rows = c.models.map((m) => ({
      id: m.id, name: m.name,
      monthly: m.monthly?.cost ?? null,
      perRequest: m.monthly && c.workload.requests > 0 ? m.monthly.cost / c.workload.requests : null,
      provider: m.cheapest?.provider.name ?? null,
      input: m.cheapest?.input ?? null,
      output: m.cheapest?.output ?? null,
      blended: m.blended?.price ?? null,
      source: m.cheapest?.sourceName ?? m.cheapest?.source ?? null,
      yours: m.cheapest?.source === 'visitor',
    }));
    return { kind: ids.length > 2 ? 'nway' : 'pair', ids, workload: c.workload, rows, engine: c };
  }

  function stamp() {
    return new Date().toISOString().slice(0, 10);
  }

  function exportComparison(kind) {
    const c = comparison();
    if (c.error) return (msg.textContent = `Cannot export: ${c.error}`);
    const name = `versus-comparison-${stamp()}.${kind}`;
    if (kind === 'csv') {
      download(name, toCsv(MODEL_HEADER, c.rows.map((r) => [r.id, r.name, r.monthly, r.perRequest, r.provider, r.input, r.output, r.blended, r.source, r.yours ? 'yes' : 'no'])), 'text/csv');
    } else {
      const j = { tool: 'Versus', exported: new Date().toISOString(), kind: c.kind, workload: c.workload, yourPrices: T.state.custom, models: c.rows, comparison: c.engine };
      download(name, `${JSON.stringify(j, null, 2)}\n`, 'application/json');
    }
    msg.textContent = `Downloaded ${name} (${c.rows.length} models).`;
  }

  /** The ranking's latest answer, drawn now if its view has been hidden since the state changed. */
  function ranking() {
    T.fresh('rank');
    return T.views.rank.last();
  }

  function exportRanking(kind) {
    const last = ranking();
    if (!last) return (msg.textContent = 'Nothing to export: the ranking has no answer.');
    const name = `versus-ranking-${stamp()}.${kind}`;
    if (kind === 'csv') {
      download(name, toCsv(RANK_HEADER, last.rows.map((r) => [r.rank, r.id, r.name, r.creator, r.provider?.name, r.monthly, r.perRequest, r.blended,
        r.input, r.output, r.context, r.openWeights === null || r.openWeights === undefined ? null : r.openWeights ? 'yes' : 'no', r.score ?? null, r.source, r.source === 'visitor' ? 'yes' : 'no'])), 'text/csv');
    } else {
      download(name, `${JSON.stringify({ tool: 'Versus', exported: new Date().toISOString(), ...last }, null, 2)}\n`, 'application/json');
    }
    msg.textContent = `Downloaded ${name} (${last.rows.length} of ${last.matched} matching rows).`;
  }

  function summary() {
    const c = comparison();
    const w = T.workload();
    const lines = [];
    if (!c.error) {
      lines.push(`## ${c.rows.map((r) => mdCell(r.name)).join(' vs ')}`, '');
      let wl = `Workload: ${fmt.integer(w.requests)} requests a month × (${fmt.integer(w.inputTokens)} input + ${fmt.integer(w.outputTokens)} output tokens), blend ${Math.round(w.ratio * 100)}% input`;
      if (w.cacheHitRate || w.cacheWriteRate) wl += `, ${fmt.num(w.cacheHitRate * 100, 2)}% cache reads, ${fmt.num(w.cacheWriteRate * 100, 2)}% cache writes`;
      if (w.batchShare) wl += `, ${fmt.num(w.batchShare * 100, 2)}% batch`;
      if (w.longShare && w.longInputTokens) wl += `, ${fmt.num(w.longShare * 100, 2)}% of prompts at ${fmt.integer(w.longInputTokens)} tokens`;
      lines.push(`${wl}.`, '');
      lines.push('| Model | Monthly | Per request | Cheapest route | Input / 1M | Output / 1M | Blended / 1M |', '|---|---:|---:|---|---:|---:|---:|');
      for (const r of c.rows) {
        lines.push(`| ${mdCell(r.name)} | ${fmt.usd(r.monthly)} | ${fmt.usd(r.perRequest)} | ${mdCell(r.provider ?? '—')}${r.yours ? ' (your price)' : ''} | ${fmt.usd(r.input)} | ${fmt.usd(r.output)} | ${fmt.usd(r.blended)} |`);
      }
      const priced = c.rows.filter((r) => fmt.known(r.monthly));
      if (priced.length > 1) {
        const s = priced.slice().sort((a, b) => a.monthly - b.monthly);
        lines.push('', `Cheapest: **${mdCell(s[0].name)}** at ${fmt.usd(s[0].monthly)} a month; ${mdCell(s[s.length - 1].name)} costs ${fmt.usd(s[s.length - 1].monthly)}.`);
      }
    }
    const last = ranking();
    if (last?.rows.length) {
      const f = last.filter ?? {};
      const parts = [];
      if (f.capabilities?.length) parts.push(f.capabilities.join(', '));
      if (f.minContext) parts.push(`≥ ${fmt.tokens(f.minContext)} context`);
      if (f.openWeightsOnly) parts.push('open weights');
      if (f.benchmark && f.minScore !== null && f.minScore !== undefined) parts.push(`${f.benchmark} ≥ ${f.minScore}`);
      if (f.provider) parts.push(`at ${f.provider}`);
      lines.push('', `### Cheapest for this workload${parts.length ? ` (${parts.join('; ')})` : ''}`, '', '| # | Model | Route | Monthly |', '|---:|---|---|---:|');
      for (const r of last.rows.slice(0, 5)) lines.push(`| ${r.rank} | ${mdCell(r.name)} | ${mdCell(r.provider?.name ?? '—')} | ${fmt.usd(r.monthly)} |`);
      lines.push('', `${fmt.integer(last.matched)} models match; ${fmt.integer(last.unpriced)} more have no tracked price.`);
    }
    lines.push('', `Link: ${location.href}`);
    return `${lines.join('\n')}\n`;
  }

  async function copySummary() {
    const text = summary();
    const ok = await copyText(text);
    msg.textContent = ok ? 'Summary copied to the clipboard as Markdown.' : 'Could not copy: your browser refused the clipboard.';
  }

  return { section, summary, comparison };
}
