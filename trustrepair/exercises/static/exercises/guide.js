// A step-by-step guide over the plain list of steps on a regulation page. Without JavaScript the list
// is the exercise; with it, Start / Pause / Next step / Start over buttons walk through the steps,
// timed steps count down, and each new step is announced once (aria-live="polite"), never each second.
// Movement is only in CSS and only under prefers-reduced-motion: no-preference.

export function setupGuide(root, { phases = [] } = {}) {
  const items = [...root.querySelectorAll(".guide-steps > li")];
  const steps = items.map((li) => ({ text: li.firstChild.textContent.trim(), seconds: Number(li.dataset.seconds) || 0 }));
  const rounds = Number(root.dataset.rounds) || 1;
  const player = root.querySelector("[data-guide-player]");
  const now = root.querySelector("[data-guide-now]");
  const count = root.querySelector("[data-guide-count]");
  const progress = root.querySelector("[data-guide-progress]");
  const visual = root.querySelector("[data-guide-visual]");
  const startButton = root.querySelector("[data-guide-start]");
  const pauseButton = root.querySelector("[data-guide-pause]");
  const nextButton = root.querySelector("[data-guide-next]");
  const resetButton = root.querySelector("[data-guide-reset]");
  let index = -1;
  let round = 1;
  let remaining = 0;
  let ticker = null;
  let finished = false;

  player.hidden = false;

  // Optional cues at each new step (issue 11): a soft tone made in the browser (WebAudio, no sound files)
  // and a short vibration where the device has one. Both are off until the person turns them on.
  const soundBox = root.querySelector("[data-guide-sound]");
  const vibrateBox = root.querySelector("[data-guide-vibrate]");
  const vibrateRow = root.querySelector("[data-guide-vibrate-row]");
  if (vibrateRow && !("vibrate" in navigator)) vibrateRow.hidden = true;
  let audio = null;

  function tone(phase) {
    if (!soundBox || !soundBox.checked) return;
    const Context = window.AudioContext || window.webkitAudioContext;
    if (!Context) return;
    audio = audio || new Context();
    const pitch = { in: 392, "hold-full": 440, out: 330, "hold-empty": 294 }[phase] || 349;
    const osc = audio.createOscillator();
    const gain = audio.createGain();
    osc.type = "sine";
    osc.frequency.value = pitch;
    const t = audio.currentTime;
    gain.gain.setValueAtTime(0.0001, t);
    gain.gain.exponentialRampToValueAtTime(0.15, t + 0.05);
    gain.gain.exponentialRampToValueAtTime(0.0001, t + 0.6);
    osc.connect(gain).connect(audio.destination);
    osc.start(t);
    osc.stop(t + 0.65);
  }

  function buzz() {
    if (vibrateBox && vibrateBox.checked && navigator.vibrate) navigator.vibrate(60);
  }

  function stopTicking() {
    if (ticker !== null) clearInterval(ticker);
    ticker = null;
  }

  function show() {
    items.forEach((li, i) => {
      li.classList.toggle("guide-current", i === index);
      if (i === index) li.setAttribute("aria-current", "step");
      else li.removeAttribute("aria-current");
    });
    const step = steps[index];
    const roundText = rounds > 1 ? `Round ${round} of ${rounds}. ` : "";
    now.textContent = `${roundText}${step.text}`;
    progress.textContent = `Step ${index + 1} of ${steps.length}${rounds > 1 ? `, round ${round} of ${rounds}` : ""}.`;
    count.textContent = step.seconds ? String(remaining) : "";
    if (visual) visual.dataset.phase = phases[index] || "";
    tone(phases[index] || "");
    buzz();
  }

  function finish() {
    stopTicking();
    finished = true;
    items.forEach((li) => { li.classList.remove("guide-current"); li.removeAttribute("aria-current"); });
    now.textContent = "Well done. You finished the exercise. Notice how your body feels now.";
    progress.textContent = "";
    count.textContent = "";
    if (visual) visual.dataset.phase = "";
    startButton.textContent = "Start";
    startButton.disabled = false;
    pauseButton.disabled = true;
  }

  function go(nextIndex) {
    if (nextIndex >= steps.length) {
      if (round >= rounds) return finish();
      round += 1;
      nextIndex = 0;
    }
    index = nextIndex;
    remaining = steps[index].seconds;
    show();
  }

  function tick() {
    if (!steps[index].seconds) return; // an untimed step waits for "Next step"
    remaining -= 1;
    if (remaining <= 0) go(index + 1);
    else count.textContent = String(remaining);
  }

  function start() {
    if (finished || index < 0) {
      finished = false;
      round = 1;
      go(0);
    }
    stopTicking();
    ticker = setInterval(tick, 1000);
    startButton.disabled = true;
    pauseButton.disabled = false;
    pauseButton.focus();
  }

  function pause() {
    stopTicking();
    now.textContent = "Paused. Press Start to carry on.";
    startButton.textContent = "Carry on";
    startButton.disabled = false;
    pauseButton.disabled = true;
    startButton.focus();
  }

  function reset() {
    stopTicking();
    index = -1;
    round = 1;
    finished = false;
    items.forEach((li) => { li.classList.remove("guide-current"); li.removeAttribute("aria-current"); });
    now.textContent = "Press Start when you are ready.";
    progress.textContent = "";
    count.textContent = "";
    startButton.textContent = "Start";
    startButton.disabled = false;
    pauseButton.disabled = true;
  }

  startButton.addEventListener("click", start);
  pauseButton.addEventListener("click", pause);
  nextButton.addEventListener("click", () => {
    if (finished) return;
    go(index + 1);
  });
  resetButton.addEventListener("click", reset);
  return { start, pause, reset };
}
