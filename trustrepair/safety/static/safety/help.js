// The gentle question, answered in place (htmx): the buttons are replaced by a thank-you, so the keyboard
// focus moves to that thank-you instead of falling back to the top of the page. A question that *appears*
// (after an autosave) never moves focus; only the person's own answer does.
document.body.addEventListener("htmx:afterSwap", (event) => {
  const target = event.detail && event.detail.target;
  if (!target || target.id !== "safety-ask") return;
  const ack = target.querySelector("[data-answer-ack]");
  if (ack) ack.focus();
});
