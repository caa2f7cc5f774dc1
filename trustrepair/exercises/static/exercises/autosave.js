// Journal autosave status. htmx posts the form every couple of seconds of typing (hx-trigger on the
// form); this module only explains the cases htmx cannot: a signed-out session (the request was
// redirected to the sign-in page) and a lost connection. The text also stays in this tab (drafts.js).
const form = document.querySelector("form[data-autosave]");
const status = document.getElementById("autosave-status");

if (form && status) {
  form.addEventListener("htmx:beforeSwap", (event) => {
    const xhr = event.detail.xhr;
    if (xhr && xhr.responseURL && !new URL(xhr.responseURL).pathname.endsWith("/autosave/")) {
      event.detail.shouldSwap = false;
      status.textContent =
        "Not saved to the server: you have been signed out. Your words are kept in this tab. Sign in again in a new tab, then keep typing here.";
    }
  });
  form.addEventListener("htmx:sendError", () => {
    status.textContent = "Could not reach the server just now. Your words are kept in this tab; we will try again as you type.";
  });
  form.addEventListener("htmx:responseError", () => {
    status.textContent =
      "Not saved just now; you may have been signed out. Your words are kept in this tab. Sign in again in a new tab, then keep typing here.";
  });
}
