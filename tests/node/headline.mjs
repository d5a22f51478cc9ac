// An independent implementation of the headline route rule of docs/routes.md, for tests that check the page's
// figures against the catalog on their own (the engine's is src/routes.cpp; the two must agree).
const live = (x) => (x.status ?? 'live') === 'live';
export const routable = (o) => live(o) && !o.free && typeof o.price?.input === 'number' && typeof o.price?.output === 'number';
const blend = (o) => 0.7 * o.price.input + 0.3 * o.price.output;
const TIE = { lab: 1, cloud: 2, host: 3, gateway: 4, reseller: 7 };

/** The offers of `modelId` the headline picks from, and a tie rank for each (lower first at one price). */
export function headlineCandidates(catalog, modelId, offers = catalog.offers.filter((o) => o.model === modelId)) {
  const model = catalog.models.find((m) => m.id === modelId);
  const provider = new Map(catalog.providers.map((p) => [p.id, p]));
  const isMaker = (o) => { const p = provider.get(o.provider); return p?.type === 'lab' && p.maker && modelId.startsWith(`${p.maker}/`); };
  const maker = offers.find((o) => routable(o) && !o.deployment && isMaker(o));
  const blends = offers.filter(routable).map(blend).sort((a, b) => a - b);
  const n = blends.length;
  const median = n >= 5 ? (n % 2 ? blends[(n - 1) / 2] : (blends[n / 2 - 1] + blends[n / 2]) / 2) : null;
  const closed = model?.openWeights?.value === false;
  const flagged = (o) => {
    if (provider.get(o.provider)?.type === 'reseller') return true;
    if (!routable(o) || o === maker) return false;
    if (closed && maker && !isMaker(o) && (o.price.input < maker.price.input * 0.9 || o.price.output < maker.price.output * 0.9)) return true;
    return median !== null && blend(o) < median * 0.3;
  };
  const clean = offers.filter((o) => !flagged(o));
  const list = clean.some(routable) ? clean : offers;
  const tie = (o) => (isMaker(o) ? 0 : TIE[provider.get(o.provider)?.type] ?? 6);
  return { offers: list, tie };
}

/** The cheapest of `offers` by cost(o): ties to the lower input price, then the tie rank, then provider id. */
export function cheapestBy(offers, cost, tie = () => 0) {
  let best = null;
  for (const o of offers.filter(routable)) {
    const c = cost(o);
    const better = !best || c < best.c || (c === best.c && (o.price.input < best.o.price.input
      || (o.price.input === best.o.price.input && (tie(o) < tie(best.o) || (tie(o) === tie(best.o) && o.provider < best.o.provider)))));
    if (better) best = { o, c };
  }
  return best;
}
