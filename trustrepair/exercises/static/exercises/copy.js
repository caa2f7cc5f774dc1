// "Copy to clipboard" for the share page; the button appears only when the clipboard can be used.
for (const button of document.querySelectorAll("[data-copy-target]")) {
  const source = document.getElementById(button.dataset.copyTarget);
  const status = document.querySelector("[data-copy-status]");
  if (!source || !navigator.clipboard) continue;
  button.hidden = false;
  button.addEventListener("click", async () => {
    try {
      await navigator.clipboard.writeText(source.value);
      if (status) status.textContent = "Copied.";
    } catch (_) {
      source.select();
      if (status) status.textContent = "Select the text and copy it with your keyboard.";
    }
  });
}
