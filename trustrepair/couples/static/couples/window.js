// The Transparency Window's screen: polls the live fragment about once a second, counts the time down
// between polls, and announces changes (pauses, resumes) politely. Every button also works without it.
const POLL_MS = 1000;
const live = () => document.getElementById("window-live");
const announcer = document.getElementById("window-announce");
let ticking = null;

function announce(box) {
  const said = box.querySelector("[data-announce]");
  if (announcer && said) announcer.textContent = said.textContent.trim();
}

function startTimer(box) {
  clearInterval(ticking);
  const timer = box.querySelector("[data-timer]");
  if (!timer) return;
  let left = parseInt(box.dataset.remaining, 10);
  const show = () => {
    const m = Math.floor(left / 60), s = left % 60;
    timer.textContent = `${m}:${String(s).padStart(2, "0")}`;
    timer.setAttribute("aria-label", `${m} minutes ${s} seconds left`);
  };
  show();
  if (box.dataset.status !== "running") return;
  ticking = setInterval(() => { if (left > 0) { left -= 1; show(); } }, 1000);
}

function wire(box) {
  const slider = box.querySelector("input[type=range]");
  const output = box.querySelector("[data-rating-output]");
  if (slider && output) {
    slider.addEventListener("input", () => {
      output.textContent = slider.value;
      slider.setAttribute("aria-valuetext", `${slider.value} out of 10`);
    });
    slider.addEventListener("change", () => slider.form.requestSubmit());
  }
  box.querySelectorAll("form").forEach((form) => form.addEventListener("submit", (event) => {
    event.preventDefault();
    send(form.action, new FormData(form));
  }));
  startTimer(box);
}

function swap(html) {
  const doc = new DOMParser().parseFromString(html, "text/html");
  const fresh = doc.getElementById("window-live");
  if (!fresh) { window.location.reload(); return; }  // the space is not open any more: show the page it shows
  const box = live();
  if (fresh.dataset.version === box.dataset.version && fresh.dataset.status === box.dataset.status) {
    box.dataset.remaining = fresh.dataset.remaining;
    if (box.dataset.status !== "running") startTimer(box);
    return;
  }
  const focused = document.activeElement && document.activeElement.id;
  const changed = fresh.dataset.status !== box.dataset.status;
  box.replaceWith(fresh);
  wire(fresh);
  if (changed) announce(fresh);
  if (focused && document.getElementById(focused)) document.getElementById(focused).focus();
  if (fresh.dataset.status === "ended") window.location.reload();
}

async function send(url, body) {
  try {
    const response = await fetch(url, {
      method: body ? "POST" : "GET",
      body,
      headers: { "HX-Request": "true" },
      credentials: "same-origin",
    });
    if (response.ok) swap(await response.text());
  } catch (error) { /* the next poll tries again */ }
}

const box = live();
if (box) {
  wire(box);
  const stop = new Set(["ended", "declined"]);
  const poll = async () => {
    if (stop.has(live().dataset.status)) return;
    await send(live().dataset.windowLive);
    setTimeout(poll, POLL_MS);
  };
  setTimeout(poll, POLL_MS);
}
