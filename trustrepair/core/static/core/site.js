// TrustRepair page behaviour: quick exit, drafts that survive a failed submit or expired session,
// focus on the error summary. Loaded on every page as a module; no inline script anywhere (CSP).
import "./quick-exit.js";
import "./drafts.js";

const summary = document.querySelector("[data-error-summary]");
if (summary) summary.focus();

// A signed-in page restored from the back/forward cache asks the server again, so after a quick exit
// or a sign-out it shows the signed-out page instead of what was on screen.
window.addEventListener("pageshow", (event) => {
  if (event.persisted && document.body.hasAttribute("data-signed-in")) window.location.reload();
});

// Sliders (design system): an <output for="id"> beside a range input shows its value as it moves. The input
// itself announces its value to screen readers; aria-valuetext is set when the slider names its scale.
for (const range of document.querySelectorAll('input[type="range"]')) {
  const output = range.id ? document.querySelector(`output[for~="${CSS.escape(range.id)}"]`) : null;
  const unit = range.dataset.valuetext;
  const update = () => {
    if (output) output.value = range.value;
    if (unit) range.setAttribute("aria-valuetext", `${range.value} ${unit}`);
  };
  range.addEventListener("input", update);
  update();
}

// Tables become lists on narrow screens (site.css): each cell without a data-label takes its column header's
// words, so a value is never shown without what it means.
for (const table of document.querySelectorAll("table:not(.keep-table)")) {
  const headers = [...table.querySelectorAll("thead th")].map((th) => th.textContent.trim());
  if (!headers.length) continue;
  for (const row of table.querySelectorAll("tbody tr")) {
    [...row.children].forEach((cell, i) => {
      if (cell.tagName === "TD" && !cell.hasAttribute("data-label") && headers[i]) cell.dataset.label = headers[i];
    });
  }
}

// A "Print" button (the printable copy of a person's data): the browser's own print, where "Save as PDF" lives.
for (const button of document.querySelectorAll("[data-print]")) {
  button.addEventListener("click", () => window.print());
}
