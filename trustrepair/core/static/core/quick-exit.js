// Quick exit: leave for a neutral site at once and keep this page out of the back button.
// Works as a plain link without JavaScript; with it, also on Escape pressed twice.
const NEUTRAL = "https://www.bbc.co.uk/weather";

function leave(event) {
  if (event) event.preventDefault();
  try {
    sessionStorage.clear();
  } catch (_) {
    /* storage may be disabled */
  }
  document.body.hidden = true;
  // replace() swaps this history entry for the neutral site, so Back does not return here.
  window.location.replace(NEUTRAL);
}

for (const link of document.querySelectorAll("[data-quick-exit]")) {
  link.addEventListener("click", leave);
}

let lastEscape = 0;
document.addEventListener("keydown", (event) => {
  if (event.key !== "Escape") return;
  const now = Date.now();
  if (now - lastEscape < 800) leave(event);
  lastEscape = now;
});
