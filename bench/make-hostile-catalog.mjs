// Generates tests/fixtures/hostile-catalog.json (the hostile-data fixture of tests/browser/hostile.test.mjs):
//   node bench/make-hostile-catalog.mjs tests/fixtures/hostile-catalog.json && build/native/versus validate tests/fixtures/hostile-catalog.json
// Every payload sets window.__pwned or calls alert() if it ever runs.
import { writeFileSync } from 'node:fs';
const IMG = '<img src=x onerror="window.__pwned=1;alert(1)">';
const SCRIPT = '</script><script>window.__pwned=2;alert(2)</script>';
const SVG = '<svg onload="window.__pwned=3;alert(3)"></svg>';
const IFRAME = '<iframe srcdoc="<script>parent.__pwned=4</script>"></iframe>';
const STYLE = '<style>body{display:none}</style>';
const RTL = '\u202Egnp.exe\u202C';
const EMOJI = '🦙🔥👩‍💻🏳️‍🌈';
const LONG = 'L'.repeat(10240);
const JS = 'javascript:alert(1)';
const fact = (value, source = 'evil', extra = {}) => ({ value, source, ...extra });
const caps = (b) => Object.fromEntries(['vision', 'multimodal', 'reasoning', 'functionCalling', 'toolUse', 'structuredOutputs',
  'codeExecution', 'ideIntegration', 'computerUse', 'parallelAgents'].map((k, i) => [k, fact((i + b) % 3 === 0, 'evil')]));
const cat = {
  schema: 'versus-catalog/1',
  generated: '2026-11-23',
  sources: {
    evil: { name: `Evil ${SVG} source`, url: JS, date: '2026-01-02', license: IMG, attribution: `Source: ${IMG}` },
    evil2: { name: `${SCRIPT} ${RTL}`, url: ' javascript:alert(2)', date: '2026-01-03', attribution: `${SCRIPT}` },
    evil3: { name: `data ${EMOJI}`, url: 'data:text/html,<script>alert(3)</script>', date: '2026-01-04' },
    evil4: { name: 'vb', url: 'JaVaScRiPt:alert(4)', date: '2026-01' },
  },
  benchmarks: [
    { id: 'evilbench', name: `Bench ${IMG}`, description: SCRIPT, unit: '%', higherIsBetter: true },
    { id: 'rtlbench', name: `Bench ${RTL} ${EMOJI}`, unit: 'points', higherIsBetter: true },
  ],
  providers: [
    { id: 'evil-provider', name: `Provider ${IMG}`, url: JS, source: 'evil' },
    { id: 'script-provider', name: `Provider ${SCRIPT}`, url: 'JaVaScRiPt:alert(5)', source: 'evil2' },
    { id: 'rtl-provider', name: `Provider ${RTL} ${EMOJI}`, url: ' javascript:alert(6)', source: 'evil3' },
    { id: 'long-provider', name: `P${LONG}`, url: 'https://example.com/ok', source: 'evil4' },
  ],
  models: [
    {
      id: 'hostile/img', name: `Img ${IMG}`, aliases: ['img-model', 'evil/img'],
      creator: fact(`Creator ${SCRIPT}`), family: fact(`Family ${SVG}`, 'evil', { note: `note ${IMG} ${SCRIPT}` }),
      released: fact('2025-01-01'), license: fact(`License ${IFRAME}`, 'evil2', { alternatives: [{ value: `Alt ${IMG}`, source: 'evil3' }], note: `${STYLE}${RTL}` }),
      openWeights: fact(true), commercialUse: fact(`Commercial ${STYLE}`), architecture: fact(`${RTL} arch`),
      context: fact(128000), maxOutput: fact(8192), inputModalities: fact(['text', 'image']), outputModalities: fact(['text']),
      capabilities: caps(0), benchmarks: { evilbench: fact(50.5, 'evil'), rtlbench: fact(12, 'evil2') },
      bestFor: fact(`best ${IMG}`), decisionFit: fact([`fit ${SCRIPT}`, 'coding']),
    },
    {
      id: 'hostile/script', name: `Script ${SCRIPT}`, aliases: ['script-model'],
      creator: fact(`${IMG}`, 'evil2'), family: fact(`${EMOJI}`), license: fact(JS), context: fact(200000),
      capabilities: caps(1), benchmarks: { evilbench: fact(70.25, 'evil2'), rtlbench: fact(30, 'evil3') },
      bestFor: fact(`${SVG}`),
    },
    {
      id: 'hostile/rtl', name: `${RTL} RTL ${EMOJI}`, aliases: ['rtl-model'], creator: fact(`${RTL}${EMOJI}`, 'evil3'),
      capabilities: caps(2), benchmarks: { evilbench: fact(10, 'evil3') },
    },
    {
      id: 'hostile/rlo', name: 'RLO \u202Eclosed\u202C', aliases: ['rlo-model'], creator: fact('\u202Eoverride\u202C', 'evil3'),
    },
    {
      id: 'hostile/long', name: `Long ${LONG}`, aliases: ['long-model'], creator: fact(LONG, 'evil4'),
      family: fact(LONG, 'evil4', { note: LONG }), benchmarks: { rtlbench: fact(99, 'evil4') },
    },
  ],
  offers: [
    { model: 'hostile/img', provider: 'evil-provider', providerModelId: `${IMG}`, price: { input: 1.5, output: 6 }, context: 128000, source: 'evil' },
    { model: 'hostile/img', provider: 'script-provider', providerModelId: `${SCRIPT}`, price: { input: 2, output: 5, cacheRead: 0.5 }, source: 'evil2' },
    { model: 'hostile/img', provider: 'rtl-provider', providerModelId: `${RTL}`, source: 'evil3' },
    { model: 'hostile/img', provider: 'long-provider', free: true, source: 'evil4' },
    { model: 'hostile/script', provider: 'script-provider', price: { input: 3, output: 15 }, source: 'evil2' },
    { model: 'hostile/script', provider: 'evil-provider', price: { input: 0.25, output: 1.25 }, source: 'evil' },
    { model: 'hostile/rtl', provider: 'rtl-provider', price: { input: 0.1, output: 0.4 }, source: 'evil3' },
    { model: 'hostile/rlo', provider: 'rtl-provider', price: { input: 0.2, output: 0.8 }, source: 'evil3' },
    { model: 'hostile/long', provider: 'long-provider', providerModelId: `id-${LONG}`, price: { input: 0.5, output: 0.5 }, source: 'evil4' },
  ],
};
writeFileSync(process.argv[2], JSON.stringify(cat, null, 1) + '\n');
