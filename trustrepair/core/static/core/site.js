// TrustRepair page behaviour: quick exit, drafts that survive a failed submit or expired session,
// focus on the error summary. Loaded on every page as a module; no inline script anywhere (CSP).
import "./quick-exit.js";
import "./drafts.js";

const summary = document.querySelector("[data-error-summary]");
if (summary) summary.focus();
