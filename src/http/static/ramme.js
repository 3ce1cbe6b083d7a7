/* ramme — starts DKFDS on every page (no inline script: the CSP). */
"use strict";
if (window.DKFDS) window.DKFDS.init();
