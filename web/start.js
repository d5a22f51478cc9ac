// start.js — the page's first script (an async module in index.html): it runs as soon as it arrives, before
// the page's other modules, and starts compiling the engine while they load. See startEngine in versus.js.
import { startEngine } from './versus.js';

startEngine();
