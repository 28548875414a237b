// The first script of the page (a small async script in <head>): starts
// downloading and compiling the wasm core before the larger app.js has
// arrived, so the core is not queued behind it. Nothing else happens here;
// main.js, in app.js, takes the load over through loadCore().
import { startCoreLoad } from './core.js';

startCoreLoad();
