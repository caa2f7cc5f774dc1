// Quick exit: sign out and leave for a neutral site at once, leaving nothing to go back to.
// Without JavaScript the link itself goes to /leave/, which signs out and redirects to the same site.
// With it (and on Escape pressed twice): a beacon signs out in the background, carrying the CSRF token,
// and location.replace() swaps this page's history entry for the neutral site, so Back does not return
// here. Pages one step further back were sent with no-store and reload themselves if the browser
// restores them from its back/forward cache (site.js), so they ask the server again and find the
// session gone.
const link = document.querySelector("[data-quick-exit]");
const NEUTRAL = (link && link.dataset.neutral) || "https://www.bbc.co.uk/weather";

function signOut() {
  if (!link || !document.body.hasAttribute("data-signed-in")) return;
  const form = new FormData();
  form.append("csrfmiddlewaretoken", link.dataset.csrf || "");
  try {
    if (navigator.sendBeacon && navigator.sendBeacon(link.href, form)) return;
  } catch (_) {
    /* fall through to fetch */
  }
  fetch(link.href, { method: "POST", body: form, keepalive: true, credentials: "same-origin" }).catch(() => {});
}

function leave(event) {
  if (event) event.preventDefault();
  signOut();
  try {
    sessionStorage.clear();
  } catch (_) {
    /* storage may be disabled */
  }
  document.body.hidden = true;
  window.location.replace(NEUTRAL);
}

for (const each of document.querySelectorAll("[data-quick-exit]")) {
  each.addEventListener("click", leave);
}

let lastEscape = 0;
document.addEventListener("keydown", (event) => {
  if (event.key !== "Escape") return;
  const now = Date.now();
  if (now - lastEscape < 800) leave(event);
  lastEscape = now;
});
