// After a search, move focus to the results heading so keyboard and screen-reader users land on them.
// The error summary (site.js) wins when the questionnaire has a problem.
const heading = document.querySelector("[data-focus-on-load]");
if (heading && !document.querySelector("[data-error-summary]")) heading.focus();
